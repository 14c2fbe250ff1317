import BenchmarkCorpus
import Foundation

// Writes generated news articles as a seeds folder, for benchmarks that start a server on an
// archive-sized collection (scale-bench.py):
//   swift run -c release news-corpus COUNT SEED DIRECTORY
// Each article is one `story-NNNNNNN.txt` file (BenchmarkCorpus's news generator: a headline,
// a dateline, 150-800 words of paragraphs with quotes, sometimes a byline and a media contact).
// The same COUNT and SEED always write the same files.

/// The command line, without the program name.
let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 3, let count = Int(arguments[0]), count > 0, let seed = UInt64(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: news-corpus COUNT SEED DIRECTORY\n".utf8))
    exit(64)
}
/// Where the files go; made if missing.
let directory = URL(fileURLWithPath: arguments[2], isDirectory: true)
do {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var generator = NewsCorpusGenerator(seed: seed)
    var bytes = 0
    for index in 1...count {
        let text = Data(generator.next().text.utf8)
        bytes += text.count
        let name = "story-" + String(repeating: "0", count: max(0, 7 - String(index).count)) + String(index) + ".txt"
        try text.write(to: directory.appendingPathComponent(name))
    }
    print("wrote \(count) articles, \(bytes) bytes, to \(directory.path)")
} catch {
    FileHandle.standardError.write(Data("news-corpus: \(error)\n".utf8))
    exit(1)
}
