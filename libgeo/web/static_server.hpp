#pragma once
// `geowalk serve`: DIR/web over HTTP on the loopback interface by default, for a tablet on the same Wi-Fi (with
// --host) or a browser that will not open file:// pages. cpp-httplib (Debian libcpp-httplib-dev) speaks HTTP; every
// path goes through resolve_request_path, so only regular files inside web/ are ever read.
#include <filesystem>
#include <memory>
#include <string>

namespace geo::web {

struct ServeOptions {
    std::string host = "127.0.0.1";  // loopback: nothing outside this machine can connect
    int port = 8080;                 // 0: any free port (bound_port() says which)
};

class StaticServer {
public:
    // Binds at once; throws geo::UsageError when the folder holds no web map, geo::OutputError when the address
    // cannot be bound (in use, or not this machine's), with what to do.
    StaticServer(const std::filesystem::path& web_dir, const ServeOptions& options);
    ~StaticServer();
    StaticServer(const StaticServer&) = delete;
    StaticServer& operator=(const StaticServer&) = delete;

    [[nodiscard]] int bound_port() const { return m_port; }
    // Answers requests until stop() is called from another thread; returns then.
    void run();
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    int m_port = 0;
};

}  // namespace geo::web
