#pragma once
// A two-village campaign held in GDAL's in-memory file system, loaded with one fuzzed input file in one role
// (shared by fuzz_vector_load and fuzz_attributes). Bad files must end in a geo::Error or in the rejects; any
// other exception is a bug (the CLI would call it an internal error, exit 3).
#include "libgeo/core/error.hpp"
#include "libgeo/campaign/campaign_file.hpp"
#include "libgeo/load/loader.hpp"
#include "libgeo/load/losses.hpp"
#include "fuzz_support.hpp"

#include <exception>
#include <string>

namespace geo::fuzz {

// The villages of tests/load/fixture.hpp: 甲村 and 乙村 near Ganjun, 100.40–100.50 E, 38.90–38.95 N.
inline const char* fuzz_villages_geojson = R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"甲村"},"geometry":{"type":"Polygon","coordinates":[[[100.40,38.90],[100.45,38.90],[100.45,38.95],[100.40,38.95],[100.40,38.90]]]}},
{"type":"Feature","properties":{"name":"乙村"},"geometry":{"type":"Polygon","coordinates":[[[100.45,38.90],[100.50,38.90],[100.50,38.95],[100.45,38.95],[100.45,38.90]]]}}
]})";

// Writes the villages and `input` (named input.<extension>) to /vsimem/fuzz/ and loads the campaign whose blocks
// after [campaign] are `blocks` (use "input.<extension>" as a source; villages.geojson is there too). Checks the
// loader's own promise: every feature read is loaded or rejected.
inline void load_in_memory(std::string_view input, const std::string& extension, const std::string& blocks)
{
    write_vsimem("/vsimem/fuzz/villages.geojson", fuzz_villages_geojson);
    write_vsimem("/vsimem/fuzz/input." + extension, input);
    const std::string toml = "[campaign]\nname = \"fuzz\"\n" + blocks;
    try {
        const campaign::CampaignSpec spec = campaign::parse_campaign_text(toml, "/vsimem/fuzz/campaign.toml");
        // Without the stop for a source that lost most features, which most fuzzed inputs would reach: the
        // bookkeeping is checked first, then the stop itself runs.
        const Campaign campaign = load::load_inputs(spec);
        for (const auto& s : campaign.diagnostics.sources())
            if (s.loaded + s.rejected != s.read)
                fail("loaded + rejected != read for", s.role + " " + s.source);
        load::require_no_losses(campaign);
    } catch (const geo::Error&) {
        // expected for many inputs: the message names the file and what to fix
    } catch (const std::exception& e) {
        fail("not a geo::Error:", e.what());
    }
}

}  // namespace geo::fuzz
