#pragma once
// The rejects on their own, for `geowalk validate --rejects FILE`: the rows of geowalk.gpkg's rejects layer, without
// running any analysis, in a file a planner opens next to the data they fix.
#include "libgeo/core/campaign.hpp"

#include <filesystem>
#include <optional>

namespace geo::output {

enum class RejectsFormat {
    csv,   // UTF-8 with a byte-order mark, so that Excel shows Chinese text as it is
    gpkg,  // a layer `rejects`, with the geometry in the campaign's CRS where the feature could be placed
};

// From the file's extension (.csv or .gpkg, any case); nullopt for any other.
std::optional<RejectsFormat> rejects_format(const std::filesystem::path& file);

// Writes the file atomically: into a temporary file beside it, renamed over it when complete, so a failure leaves
// the previous file (or none). Throws geo::UsageError for an unknown extension, geo::OutputError when writing fails.
void write_rejects_file(const std::filesystem::path& file, const Campaign& campaign);

}  // namespace geo::output
