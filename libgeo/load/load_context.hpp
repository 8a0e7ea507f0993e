#pragma once
// Shared state of one campaign load (internal to load/loader.cpp and load/load_*.cpp).
#include "libgeo/core/campaign.hpp"
#include "libgeo/core/memory.hpp"
#include "libgeo/handles/geos.hpp"
#include "libgeo/campaign/campaign_file.hpp"
#include "libgeo/load/row_numbers.hpp"
#include "libgeo/load/source.hpp"
#include "libgeo/normalise/to_local.hpp"
#include "libgeo/normalise/village_index.hpp"

#include <map>
#include <memory>
#include <optional>

namespace geo::load::detail {

// The share of the memory limit the loaded inputs may take: the analyses need the rest (indexes and interval lists
// that grow with the inputs; the distance raster, the largest part, is checked on its own by Grid::require_memory).
inline constexpr double input_memory_share = 0.25;

struct LoadContext {
    const campaign::CampaignSpec& spec;
    Campaign& campaign;
    GeosContext geos;
    std::optional<normalise::LonLatBox> area;      // the villages' extent in WGS 84, grown a little
    std::unique_ptr<normalise::VillageIndex> villages;  // set once villages are loaded

    // Cached per source CRS and coords: creating a PROJ transformation costs tens of milliseconds (database
    // look-ups), and a campaign can have thousands of GPX files in one CRS.
    const normalise::ToLocal& to_local(const OpenedLayer& layer, const campaign::SourceSpec& source);
    std::map<std::string, std::unique_ptr<normalise::ToLocal>> transforms;
    // The cache key and a new, uncached transformation, for threads that read files side by side (a ToLocal is used
    // by one thread at a time: each holds its own PROJ context).
    static std::string to_local_key(const OpenedLayer& layer, const campaign::SourceSpec& source);
    std::unique_ptr<normalise::ToLocal> make_to_local(const OpenedLayer& layer, const campaign::SourceSpec& source) const;
    std::string read_problem;  // what GDAL said while reading the current feature, if anything
    memory::Usage at_start;  // memory held before the first input was read
    int threads = 1;         // for reading track files side by side; the campaign does not depend on it
    // Registers one file of a campaign block (block: a running number, the same for every file of one glob), with
    // how its rejects name rows and, when given, the transformation its features go through.
    int add_source(Role role, const OpenedLayer& layer, const campaign::SourceSpec& spec, int block,
                   const normalise::ToLocal* transform = nullptr);
    int next_block = 0;
    std::map<int, RowNumbers> rows{};                      // per source: rows as the user sees them
    std::map<int, const normalise::ToLocal*> placement{};  // per source: to place a rejected feature's geometry
    [[nodiscard]] std::string row_text(int source, long long fid) const;
    // Throws an InputError naming the layer once the loaded inputs hold more than their share of the memory limit
    // (input_memory_share), so inputs too large for the machine are refused while reading, not by the kernel later.
    void check_memory(const OpenedLayer& layer, long long features_read) const;
    // Reports a rejected/repaired/noted feature with its original attributes and geometry.
    void report(int source, OGRFeature* feature, long long fid, std::string_view reason, std::string detail,
                Action action = Action::rejected);
};

void load_villages(LoadContext& ctx);
void load_network(LoadContext& ctx);
void load_sites(LoadContext& ctx);
void load_tracks(LoadContext& ctx);
void load_issues(LoadContext& ctx);
// [issues] source = "register" (load/register_issues.cpp).
bool is_register_source(const campaign::SourceSpec& spec);
void load_issues_from_register(LoadContext& ctx);

}  // namespace geo::load::detail
