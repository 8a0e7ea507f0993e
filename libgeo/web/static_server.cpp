#include "libgeo/web/static_server.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/web/request_path.hpp"

#include <httplib.h>

#include <fstream>
#include <map>
#include <sstream>

namespace geo::web {

namespace {

std::string content_type(const std::filesystem::path& file)
{
    static const std::map<std::string, std::string> types{
        {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},   {".png", "image/png"},
        {".txt", "text/plain; charset=utf-8"}, {".json", "application/json"},
        {".pbf", "application/x-protobuf"}};
    const auto it = types.find(file.extension().string());
    return it == types.end() ? "application/octet-stream" : it->second;
}

}  // namespace

struct StaticServer::Impl {
    httplib::Server server;
    std::filesystem::path root;
};

StaticServer::StaticServer(const std::filesystem::path& web_dir, const ServeOptions& options)
    : m_impl(std::make_unique<Impl>())
{
    std::error_code ec;
    m_impl->root = std::filesystem::canonical(web_dir, ec);
    if (ec || !std::filesystem::exists(m_impl->root / "index.html"))
        throw UsageError("no web map in " + web_dir.parent_path().string(), in_file(web_dir.string()),
                         "serve the output folder of a run (geowalk run, demo, coverage, hotspots or plan), or "
                         "write it with geowalk render DIR");
    m_impl->server.Get(".*", [root = m_impl->root](const httplib::Request& request, httplib::Response& response) {
        // The target as sent, before httplib decoded it: an encoded slash must stay visible.
        const std::string target = request.target.substr(0, request.target.find('?'));
        const ResolvedPath resolved = resolve_request_path(root, target);
        if (resolved.verdict != PathVerdict::file) {
            response.status = resolved.verdict == PathVerdict::forbidden ? 403 : 404;
            response.set_content(response.status == 403 ? "forbidden\n" : "not found\n", "text/plain");
            return;
        }
        std::ifstream in(resolved.file, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        if (!in) {
            response.status = 404;
            return;
        }
        response.set_header("Cache-Control", "no-cache");
        // Through a provider of known length, which httplib sends as it is: set_content would let it Brotli-compress
        // every script for a browser that accepts it, at quality 11, seconds per MB (29 s to load the sample).
        auto body = std::make_shared<std::string>(bytes.str());
        response.set_content_provider(body->size(), content_type(resolved.file),
                                      [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                          return sink.write(body->data() + offset, length);
                                      });
    });
    // Everything but GET and HEAD is refused.
    const auto refuse = [](const httplib::Request&, httplib::Response& response) { response.status = 405; };
    m_impl->server.Post(".*", refuse);
    m_impl->server.Put(".*", refuse);
    m_impl->server.Delete(".*", refuse);
    if (options.port == 0) m_port = m_impl->server.bind_to_any_port(options.host);
    else if (m_impl->server.bind_to_port(options.host, options.port)) m_port = options.port;
    else m_port = -1;
    if (m_port <= 0)
        throw OutputError("cannot listen on " + options.host + ":" + std::to_string(options.port), {},
                          "the port may be in use: give another with --port, or --port 0 for any free one");
}

StaticServer::~StaticServer() { stop(); }

void StaticServer::run() { m_impl->server.listen_after_bind(); }

void StaticServer::stop() { m_impl->server.stop(); }

}  // namespace geo::web
