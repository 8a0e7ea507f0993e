#include "args.hpp"
#include "command.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/web/static_server.hpp"
#include "libgeo/web/web_folder.hpp"

#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

#include <pthread.h>

namespace geowalk {

namespace {

class ServeCommand : public Command {
public:
    std::string name() const override { return "serve"; }
    std::string summary() const override { return "serve a run's web map over HTTP (this machine only by default)"; }
    std::string about() const override
    {
        return R"(Usage: geowalk serve DIR [--port P] [--host H]

Serves DIR/web/, the offline web map a run wrote, at http://127.0.0.1:P/ (default port 8080), for a browser
that will not open pages from files. Only this machine can connect unless --host gives another address
(--host 0.0.0.0: every interface, e.g. for a tablet on the same network). Only the files inside DIR/web/ are
served. Stop with Ctrl-C.

Options:
  --port P   the port to listen on (1-65535; 0: any free port)
  --host H   the address to listen on (default 127.0.0.1)
)";
    }
    Flags flags() const override { return {{"port", "host"}, {}, false, false}; }
    int execute(const Args& args) override
    {
        if (args.positional().size() != 1)
            throw geo::UsageError("serve needs the output folder of a run", {}, "geowalk serve DIR --port 8080");
        geo::web::ServeOptions options;
        options.port = args.get_int("port", options.port, 0, 65535);
        options.host = args.get("host", options.host);
        // Ctrl-C and SIGTERM are taken by this thread with sigwait, not by a handler: stopping the server from a
        // signal handler is not async-signal-safe. Blocked before the server's threads exist, so they inherit it.
        sigset_t stop_signals;
        sigemptyset(&stop_signals);
        sigaddset(&stop_signals, SIGINT);
        sigaddset(&stop_signals, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
        geo::web::StaticServer server(std::filesystem::path(args.positional().front()) / geo::web::folder, options);
        std::thread serving([&server] { server.run(); });
        std::cout << "Serving " << (std::filesystem::path(args.positional().front()) / geo::web::folder).string()
                  << " at http://" << options.host << ":" << server.bound_port() << "/  (Ctrl-C stops)" << std::endl;
        int signal = 0;
        sigwait(&stop_signals, &signal);
        server.stop();
        serving.join();
        std::cout << "Stopped." << std::endl;
        return 0;
    }
};

}  // namespace

std::unique_ptr<Command> make_serve_command() { return std::make_unique<ServeCommand>(); }

}  // namespace geowalk
