@testable import HTTPServer
import Testing

/// `System`: how many cores the server may use, from affinity and cgroup quota.
struct SystemTests {
    @Test(arguments: [
        ("Name:\tdossier\nCpus_allowed:\t2\nCpus_allowed_list:\t1\n", 1),
        ("Cpus_allowed:\tff\n", 8),
        ("Cpus_allowed:\t00000000,00000003\n", 2),
        ("Cpus_allowed:\tffffffff,ffffffff\n", 64),
    ])
    func countsAffinityMaskBits(_ status: String, _ expected: Int) {
        #expect(System.affinityCount(status: status) == expected)
    }

    @Test(arguments: [nil, "Name:\tdossier\n", "Cpus_allowed:\t0\n"])
    func affinityUnknownWithoutMask(_ status: String?) {
        #expect(System.affinityCount(status: status) == nil)
    }

    @Test(arguments: [("200000 100000\n", 2), ("150000 100000", 2), ("50000 100000", 1), ("100000 100000", 1)])
    func roundsQuotaUp(_ cpuMax: String, _ expected: Int) {
        #expect(System.quotaCount(cpuMax: cpuMax) == expected)
    }

    @Test(arguments: [nil, "max 100000\n", "", "0 100000", "garbage"])
    func noQuotaWhenUnlimitedOrUnreadable(_ cpuMax: String?) {
        #expect(System.quotaCount(cpuMax: cpuMax) == nil)
    }

    @Test func activeProcessorCountIsPositive() {
        #expect(System.activeProcessorCount >= 1)
    }
}
