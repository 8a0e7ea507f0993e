#pragma once
// A step that runs some analyses into a folder holding an earlier run keeps the other analyses' outputs rather than
// dropping them: `geowalk coverage … --out DIR` after `geowalk run` replaces the coverage layers, walk_distance.tif
// and the coverage figures, and keeps the hotspot layers, density.tif and the hotspot figures. Kept layers are copied
// into the new GeoPackage, kept rasters linked into the new set, kept figures copied into summary.json, so the set
// stays whole and the maps and the report drawn from it show every analysis. The manifest records which analyses
// were carried, when they ran, and whether the inputs have changed since (stale: their figures then rest on other
// data than the rest of the folder, and the step says so and which command brings them up to date).
#include "libgeo/export/manifest.hpp"
#include "libgeo/export/vector_writer.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace geo::output {

// An analysis kept from the folder's earlier run, for the step's closing message.
struct CarriedAnalysis {
    std::string name;        // analysis::hotspots
    std::string written_at;  // when it ran
    bool stale = false;      // it ran on other inputs than this step
    std::vector<std::string> outputs;  // the layers and files kept
};

// What a step keeps of the folder's earlier run.
struct CarryOver {
    std::filesystem::path dir;           // the output folder
    Manifest previous;                   // its manifest (empty when it had none)
    std::vector<std::string> analyses;   // carried: in the earlier run and not run by this step
    std::vector<std::string> dropped;    // earlier outputs that cannot be kept, each with the reason, for people
};

// Reads dir/manifest.json, if any, and decides what to keep: every analysis of the earlier run that `ran` does not
// hold. Nothing is kept from a folder whose outputs are in another CRS than `now` (the layers would not overlay) or
// whose manifest predates the record of analyses; `dropped` then says what goes and why.
CarryOver plan_carry_over(const std::filesystem::path& dir, const std::vector<std::string>& ran, const Manifest& now);

// Copies the carried analyses' layers from the folder's geowalk.gpkg into `gpkg`.
void carry_layers(const CarryOver& plan, VectorFile& gpkg);

// Links (copies where linking fails) the carried analyses' rasters into `staging` and sets their manifest entries,
// their summary sections (summary[name], summary.options[name]) and their analyses entries on `manifest`.
std::vector<CarriedAnalysis> carry_rest(const CarryOver& plan, const std::filesystem::path& staging, Manifest& manifest);

}  // namespace geo::output
