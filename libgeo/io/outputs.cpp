#include "libgeo/io/outputs.hpp"

#include "libgeo/io/atomic_output.hpp"
#include "libgeo/io/vector_writer.hpp"
#include "libgeo/io/write_coverage.hpp"
#include "libgeo/io/write_inputs.hpp"

namespace geo::io {

Json run_summary(const Campaign& campaign, const AnalysisResults& results)
{
    Json summary;
    summary["generator"] = "geowalk";
    summary["campaign"] = campaign_section(campaign);
    summary["inputs"] = inputs_section(campaign);
    summary["track_cleaning"] = tracks_cleaning_section(campaign);
    if (results.coverage) summary["coverage"] = coverage_section(campaign, *results.coverage);
    return summary;
}

std::vector<std::filesystem::path> write_run_outputs(const Campaign& campaign, const AnalysisResults& results,
                                                     const std::filesystem::path& out_dir)
{
    OutputTransaction out(out_dir);
    std::vector<std::string> names{"geowalk.gpkg", "summary.json"};
    {
        VectorFile gpkg(out.staging() / "geowalk.gpkg", "GPKG");
        write_input_layers(gpkg, campaign);
        write_rejects(gpkg, campaign);
        if (results.coverage) write_coverage_layers(gpkg, campaign, *results.coverage);
        gpkg.close();
    }
    write_json(out.staging() / "summary.json", run_summary(campaign, results));
    out.commit();
    std::vector<std::filesystem::path> written;
    for (const auto& n : names) written.push_back(out.target() / n);
    return written;
}

}  // namespace geo::io
