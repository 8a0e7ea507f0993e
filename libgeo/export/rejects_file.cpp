#include "libgeo/export/rejects_file.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/export/vector_writer.hpp"
#include "libgeo/export/write_inputs.hpp"

#include <cpl_string.h>
#include <unistd.h>

namespace geo::output {

std::optional<RejectsFormat> rejects_format(const std::filesystem::path& file)
{
    const std::string ext = file.extension().string();
    if (EQUAL(ext.c_str(), ".csv")) return RejectsFormat::csv;
    if (EQUAL(ext.c_str(), ".gpkg")) return RejectsFormat::gpkg;
    return std::nullopt;
}

void write_rejects_file(const std::filesystem::path& file, const Campaign& campaign)
{
    const auto format = rejects_format(file);
    if (!format)
        throw UsageError("--rejects " + file.string() + ": the file must end in .csv or .gpkg", {},
                         "use rejects.csv (opens in Excel) or rejects.gpkg (opens in QGIS)");
    // Beside the target, so that the rename stays on one file system; the extension tells GDAL's CSV driver to
    // write one file rather than a folder.
    const std::filesystem::path temp =
        file.parent_path() / ("." + file.stem().string() + ".tmp-" + std::to_string(::getpid()) + file.extension().string());
    std::error_code ec;
    std::filesystem::remove(temp, ec);
    try {
        VectorFile out(temp, *format == RejectsFormat::csv ? "CSV" : "GPKG");
        if (*format == RejectsFormat::csv)
            write_rejects(out, campaign, RejectsGeometry::none, {"WRITE_BOM=YES"});
        else
            write_rejects(out, campaign, RejectsGeometry::placed);
        out.close();
        std::filesystem::rename(temp, file);
    } catch (const std::filesystem::filesystem_error& e) {
        std::filesystem::remove(temp, ec);
        throw OutputError("cannot put the rejects file in place: " + std::string(e.what()), in_file(file.string()),
                          "check that the folder exists and is writable");
    } catch (...) {
        std::filesystem::remove(temp, ec);
        throw;
    }
}

}  // namespace geo::output
