#pragma once
// The one parallel loop of libgeo. Work items (rows, columns, lines) each write only their own results,
// so the output is bit-identical whatever the thread count or the order the items run in.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace geo::detail {

// Runs work(first, last) over [0, n) in chunks of `chunk` items on `threads` threads, the caller's thread being one
// of them. report(done_fraction) runs on the caller's thread only (GDAL progress callbacks are not thread-safe),
// between its chunks; when it returns false the loop stops early and parallel_chunks returns false. An exception
// from any work item stops the loop and is rethrown here after every thread has joined.
template <class Work, class Report>
bool parallel_chunks(std::size_t n, std::size_t chunk, int threads, Work&& work, Report&& report)
{
    chunk = std::max<std::size_t>(chunk, 1);
    const std::size_t chunks = (n + chunk - 1) / chunk;
    const std::size_t count = std::clamp<std::size_t>(static_cast<std::size_t>(std::max(threads, 1)), 1,
                                                      std::max<std::size_t>(chunks, 1));
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> finished{0};
    std::atomic<bool> stop{false};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto run = [&](bool caller) {
        try {
            for (std::size_t c = next++; c < chunks && !stop; c = next++) {
                const std::size_t first = c * chunk;
                work(first, std::min(n, first + chunk));
                const std::size_t done = ++finished;
                if (caller && !report(static_cast<double>(done) / static_cast<double>(chunks))) stop = true;
            }
        } catch (...) {
            std::lock_guard lock(failure_mutex);
            if (!failure) failure = std::current_exception();
            stop = true;
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(count - 1);
    try {
        for (std::size_t t = 1; t < count; ++t) pool.emplace_back(run, false);
    } catch (...) {
        // Could not start a thread: finish with the ones we have.
    }
    run(true);
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
    return !stop;
}

}  // namespace geo::detail
