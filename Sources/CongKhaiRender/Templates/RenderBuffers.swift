import Synchronization

/// Output buffers lent to the pages rendering at once and taken back after each: a page is
/// written into a buffer that already has the capacity of the pages before it, instead of
/// growing a new one (and copying it at each doubling) for every page. At most one buffer per
/// thread rendering at the same time is ever made.
final class RenderBuffers: Sendable {
    private let free = Mutex<[[UInt8]]>([])
    /// A buffer grown past this (a 10,000-row catalogue page) is not kept: most pages are small.
    static let keptCapacity = 1 << 20

    /// `body` with an empty buffer; what it returns must not keep the buffer.
    func using<Result>(_ body: (inout [UInt8]) -> Result) -> Result {
        var buffer = free.withLock { $0.popLast() } ?? []
        if buffer.capacity == 0 { buffer.reserveCapacity(32_768) }
        let result = body(&buffer)
        guard buffer.capacity <= Self.keptCapacity else { return result }
        buffer.removeAll(keepingCapacity: true)
        free.withLock { $0.append(buffer) }
        return result
    }
}
