import API
import Corpus
import DocumentModel
import Extraction
import Foundation

/// `dossier inspect FILE`: the document JSON a text file would become.
enum InspectCommand {
    /// Prints the document (pretty JSON) to stdout, or an error to stderr.
    ///
    /// - Returns: the exit code: 0, or 1 when the file cannot be read or ingested.
    static func run(path: String) -> Int32 {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("Error: cannot read '\(path)'\n".utf8))
            return 1
        }
        let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        do {
            let document = try Ingestor().ingest(text: String(decoding: data, as: UTF8.self), id: id)
            FileHandle.standardOutput.write(Data(DocumentJSON.render(document, pretty: true)))
            return 0
        } catch {
            FileHandle.standardError.write(Data("Error: \(path): \(error.description)\n".utf8))
            return 1
        }
    }
}
