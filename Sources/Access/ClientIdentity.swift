/// Who a request counts against for rate limits: its API key when it sent a valid one, else
/// its address. An IPv6 client is its /64, the block one subscriber usually holds, so that
/// rotating through its addresses does not multiply its share.
public enum ClientIdentity {
    /// The rate-limit key of a request: `key:NAME`, `ip:192.0.2.1` or `ip:2001:db8:1:2::/64`.
    public static func of(keyName: String?, address: String) -> String {
        if let keyName { return "key:" + keyName }
        guard address.contains(":") else { return "ip:" + address }
        if let mapped = address.split(separator: ":").last, mapped.contains(".") { return "ip:" + mapped }
        guard let prefix = self.ipv6Prefix64(address) else { return "ip:" + address }
        return "ip:" + prefix + "::/64"
    }

    /// The first four groups of an IPv6 address in text form, `::` expanded, or `nil` when
    /// it does not read as one.
    static func ipv6Prefix64(_ address: String) -> String? {
        let halves = address.split(separator: "::", maxSplits: 1, omittingEmptySubsequences: false).map {
            $0.split(separator: ":", omittingEmptySubsequences: true)
        }
        guard halves.count <= 2, let head = halves.first else { return nil }
        let tail = halves.count == 2 ? halves[1] : []
        let missing = 8 - head.count - tail.count
        guard halves.count == 2 ? missing >= 1 : missing == 0 else { return nil }
        let groups = Array(head) + Array(repeating: "0", count: missing) + Array(tail)
        guard groups.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy(\.isHexDigit) }) else { return nil }
        return groups.prefix(4).map { group -> String in
            let trimmed = group.drop { $0 == "0" }.lowercased()
            return trimmed.isEmpty ? "0" : trimmed
        }.joined(separator: ":")
    }
}
