#pragma once
// The campaign file's [register] section and its [[phase]] blocks (issue 21): where the rectification register is
// kept, how long after acceptance an issue is looked at again, and the campaign's phases with their dates. Declared
// once here, in an option table like every analysis's, so the campaign file, the command line and `--help` read and
// refuse a value the same way.
#include "libgeo/core/options.hpp"

#include <optional>
#include <string>
#include <vector>

namespace geo::campaign {

struct RegisterOptions {
    // A GeoPackage path (relative to the campaign file) or a PostgreSQL connection "PG:host=… dbname=… user=…"
    // (the password from PGPASSWORD or ~/.pgpass, never in the file). Empty: register.gpkg beside the campaign file.
    std::string store;
    double lookback_days = 30;  // an accepted issue is looked at again this many days after its acceptance
};

const options::Table<RegisterOptions>& register_option_table();

// One phase of the campaign (discovery, concentrated rectification, acceptance): [from, to) in UTC seconds, `to`
// being the start of the day after the last day written, so that `to = 2017-04-05` includes the whole 5 April.
struct Phase {
    std::string name;
    double from = 0;
    double to = 0;
    int line = 0;  // where the block starts, for messages
};

// The store location as GDAL opens it: a PG: connection as written, a file path made absolute against base_dir,
// register.gpkg beside the campaign file when empty. Throws geo::InputError when a PG: connection carries a password.
std::string store_location(const RegisterOptions& options, const std::string& base_dir, const std::string& campaign_file);

}  // namespace geo::campaign
