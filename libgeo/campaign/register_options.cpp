#include "libgeo/campaign/register_options.hpp"

#include "libgeo/core/error.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace geo::campaign {

namespace {

using options::Kind;
using O = RegisterOptions;

options::Table<O> make_table()
{
    return {"register",
            {{{.key = "store", .flag = "store", .kind = Kind::text,
               .help = "where the register is kept: a GeoPackage file (relative to the campaign file; default "
                       "register.gpkg beside it) or a PostgreSQL connection \"PG:host=… dbname=… user=…\" (the "
                       "password from PGPASSWORD or ~/.pgpass)"},
              options::bind_text<O>([](O& o) -> auto& { return o.store; })},
             {{.key = "lookback_days", .flag = "lookback-days", .kind = Kind::whole, .unit = "days",
               .help = "an accepted issue is due for a look-back (回头看) this many days after its acceptance",
               .min = 1, .max = 3660},
              options::bind_number<O>([](O& o) -> auto& { return o.lookback_days; })}}};
}

bool is_pg(const std::string& s) { return s.rfind("PG:", 0) == 0 || s.rfind("pg:", 0) == 0; }

}  // namespace

const options::Table<RegisterOptions>& register_option_table()
{
    static const options::Table<RegisterOptions> table = make_table();
    return table;
}

std::string store_location(const RegisterOptions& options, const std::string& base_dir, const std::string& campaign_file)
{
    if (options.store.empty()) return (std::filesystem::path(base_dir) / "register.gpkg").string();
    if (is_pg(options.store)) {
        std::string lower = options.store;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        if (lower.find("password") != std::string::npos)
            throw InputError("[register] store holds a password", in_file(campaign_file),
                             "remove password=… from the connection: set PGPASSWORD in the environment or write the "
                             "password in ~/.pgpass (chmod 600), so that the campaign file can be shared");
        return options.store;
    }
    std::filesystem::path p(options.store);
    if (p.is_relative()) p = std::filesystem::path(base_dir) / p;
    return p.string();
}

}  // namespace geo::campaign
