#pragma once
// A source that loses every feature, or more than half of them for one reason, is almost never bad data: it is a
// file read the wrong way (a projected GeoJSON without a `crs` member read as degrees, latitude and longitude
// exchanged, the wrong layer). Loading it "successfully" would turn a whole walk into "–" on the report without a
// word, so such a loss stops the run (geo::InputError, exit 1) with the source, the count, the dominant reason and the
// likely fix, unless the campaign block says allow_rejects = true; then it is a warning.
#include "libgeo/core/campaign.hpp"

#include <string>
#include <vector>

namespace geo::load {

struct Loss {
    std::string role;
    std::string source;  // the file, or the first of a block's files (tracks: "<file> and N more files")
    std::string layer;
    long long read = 0;
    long long lost = 0;       // rejected features (repairs and notes do not count)
    std::string reason;       // the most frequent reason of the rejects
    long long by_reason = 0;  // how many were rejected for it
    std::string example;      // the first such reject: "line 3: <detail>"
    bool allowed = false;     // allow_rejects = true in its block
    // "12 of 12 network lines rejected, 12 as coordinates_out_of_range (first: feature 0: ...)"
    [[nodiscard]] std::string what() const;
    [[nodiscard]] std::string line() const;  // "rivers.geojson, layer 'rivers': " + what()
    [[nodiscard]] std::string hint() const;  // the likely fix for the reason
};

// Every source past the limit, allowed or not, in the order the sources were read. Each villages, network, sites
// and issues file is judged on its own; the files of one [[tracks]] block together (a GPX file often holds one track).
std::vector<Loss> find_losses(const Campaign& campaign);

// Throws geo::InputError for the first loss that is not allowed, naming the others in the message.
void require_no_losses(const Campaign& campaign);

}  // namespace geo::load
