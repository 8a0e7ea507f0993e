#include "presentation_args.hpp"

#include "libgeo/core/error.hpp"

namespace geowalk {

std::vector<std::string> with_presentation_options(std::vector<std::string> options)
{
    options.insert(options.end(), {"lang", "map-format"});
    return options;
}

std::vector<std::string> with_presentation_flags(std::vector<std::string> flags)
{
    flags.insert(flags.end(), {"no-maps", "no-report"});
    return flags;
}

geo::pipeline::PresentationOptions presentation_from(const Args& args)
{
    geo::pipeline::PresentationOptions p;
    if (args.has("lang")) {
        const auto lang = geo::render::parse_lang(args.get("lang"));
        if (!lang) throw geo::UsageError("unknown --lang '" + args.get("lang") + "'", {}, "use --lang zh or --lang en");
        p.lang = *lang;
    }
    const std::string format = args.get("map-format", "png");
    if (format == "pdf") p.map_format = geo::render::PageFormat::pdf;
    else if (format != "png") throw geo::UsageError("unknown --map-format '" + format + "'", {}, "use png or pdf");
    p.maps = !args.has("no-maps");
    p.report = !args.has("no-report");
    return p;
}

const char* const presentation_help = R"(  --lang zh|en  language of the maps, the report and the QGIS legends; default en
  --map-format png|pdf
               maps/*.png at 300 dpi with world files (default), or one PDF per map
  --no-maps    skip maps/ (faster when only the data layers are wanted)
  --no-report  skip report.pdf
)";

}  // namespace geowalk
