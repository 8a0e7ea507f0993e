#include "libgeo/io/outputs.hpp"

#include "libgeo/io/atomic_output.hpp"
#include "libgeo/io/vector_writer.hpp"
#include "libgeo/io/write_inputs.hpp"

namespace geo::io {

Json base_summary(const Campaign& campaign)
{
    Json summary;
    summary["generator"] = "geowalk";
    summary["campaign"] = campaign_section(campaign);
    summary["inputs"] = inputs_section(campaign);
    summary["track_cleaning"] = tracks_cleaning_section(campaign);
    return summary;
}

RunOutputs write_run_outputs(const Campaign& campaign, const std::filesystem::path& out_dir)
{
    OutputTransaction out(out_dir);
    {
        VectorFile gpkg(out.staging() / "geowalk.gpkg", "GPKG");
        write_input_layers(gpkg, campaign);
        write_rejects(gpkg, campaign);
        gpkg.close();
    }
    write_json(out.staging() / "summary.json", base_summary(campaign));
    out.commit();
    return {out.target() / "geowalk.gpkg", out.target() / "summary.json"};
}

}  // namespace geo::io
