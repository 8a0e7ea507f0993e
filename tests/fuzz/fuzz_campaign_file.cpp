// The campaign file parser (TOML) on arbitrary text through its in-memory entry point. Bad files must end in a
// geo::Error naming what to fix; any other exception is a bug (the CLI would call it an internal error, exit 3).
#include "libgeo/core/error.hpp"
#include "libgeo/campaign/campaign_file.hpp"
#include "fuzz_support.hpp"

#include <exception>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const geo::campaign::CampaignSpec spec = geo::campaign::parse_campaign_text(text, "/fuzz/campaign.toml");
        if (!spec.villages) geo::fuzz::fail("a campaign without [villages] was accepted");
        if (spec.base_dir != "/fuzz") geo::fuzz::fail("base_dir is not the campaign's folder", spec.base_dir.string());
    } catch (const geo::Error&) {
        // expected: the message names the problem
    } catch (const std::exception& e) {
        geo::fuzz::fail("not a geo::Error:", e.what());
    }
    return 0;
}
