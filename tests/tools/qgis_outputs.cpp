// Adds the QGIS outputs (layer styles in geowalk.gpkg, geowalk.qgs) to a finished output folder. Used by
// scripts/test-qgis.sh on runs whose `geowalk run` does not write them itself yet; harmless to run twice.
#include "libgeo/core/error.hpp"
#include "libgeo/io/layer_styles.hpp"
#include "libgeo/io/project_spec.hpp"

#include <gdal_priv.h>

#include <iostream>

int main(int argc, char** argv)
{
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: geowalk_qgis_outputs OUT_DIR [en|zh]\n";
        return 2;
    }
    GDALAllRegister();
    const std::filesystem::path dir = argv[1];
    const std::string lang = argc > 2 ? argv[2] : "en";
    try {
        geo::io::write_layer_styles(dir / "geowalk.gpkg", lang);
        geo::io::write_qgis_project(dir / "geowalk.qgs", geo::io::project_spec_from_outputs(dir, lang));
    } catch (const geo::Error& e) {
        std::cerr << "geowalk_qgis_outputs: " << e.what() << '\n';
        return 1;
    }
    std::cout << "styled " << (dir / "geowalk.gpkg").string() << ", wrote " << (dir / "geowalk.qgs").string() << '\n';
    return 0;
}
