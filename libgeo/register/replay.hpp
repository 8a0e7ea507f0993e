#pragma once
// The current state is derived from history: replaying every row in order gives each issue's fields. The stored
// current state (the issues table) is kept for fast reads; `geowalk register check` proves the two agree.
#include "libgeo/register/store.hpp"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace geo::reg {

// Replays history rows (in fid order) into records. A row whose old_value is not what the replay holds at that
// point, or a field no record has, is a break in the history: described in `problems`.
std::map<std::string, Record> replay(const std::vector<HistoryRow>& history, std::vector<std::string>& problems);

struct CheckReport {
    long long issues = 0;
    long long history_rows = 0;
    long long conflicts = 0;  // kept for review
    std::vector<std::string> problems;  // empty: the register is sound
};

// Village name at a WGS 84 lon/lat ("" outside every village), from the campaign's villages.
using VillageAt = std::function<std::string(double lon, double lat)>;

// History replayed equals the stored state field by field; the stored point is the lon/lat in the local CRS (to a
// centimetre); lookback_due is accepted_at plus lookback_days; every issue lies in a village (the one stored);
// ids are unique.
CheckReport check(Store& store, double lookback_days, const VillageAt& village_at);

}  // namespace geo::reg
