#include "libgeo/crs/local_crs.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/number_text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace geo::crs {

namespace {

LocalCrs describe(int epsg)
{
    ProjContext ctx;
    const std::string id = "EPSG:" + std::to_string(epsg);
    PjPtr crs(proj_create(ctx.get(), id.c_str()));
    if (!crs) throw InputError("PROJ does not know " + id, {}, "check the code at https://epsg.io or use crs = \"auto\"");
    const PJ_TYPE type = proj_get_type(crs.get());
    if (type != PJ_TYPE_PROJECTED_CRS)
        throw InputError(id + " is not a projected CRS", {},
                         "analysis needs metres: use a projected CRS such as a UTM or Gauss-Kruger zone, or crs = \"auto\"");
    PjPtr cs(proj_crs_get_coordinate_system(ctx.get(), crs.get()));
    const char* unit_name = nullptr;
    double factor = 0;
    if (!cs || !proj_cs_get_axis_info(ctx.get(), cs.get(), 0, nullptr, nullptr, nullptr, &factor, &unit_name, nullptr, nullptr) ||
        std::abs(factor - 1.0) > 1e-9)
        throw InputError(id + " does not use metres", {}, "choose a projected CRS in metres, or crs = \"auto\"");
    LocalCrs out;
    out.epsg = epsg;
    out.id = id;
    out.name = proj_get_name(crs.get());
    const char* options[] = {"MULTILINE=NO", nullptr};
    const char* wkt = proj_as_wkt(ctx.get(), crs.get(), PJ_WKT2_2019, options);
    out.wkt = wkt ? wkt : "";
    return out;
}

}  // namespace

int utm_epsg(double lon, double lat)
{
    int zone = static_cast<int>(std::floor((lon + 180.0) / 6.0)) + 1;
    zone = std::clamp(zone, 1, 60);
    return (lat >= 0 ? 32600 : 32700) + zone;
}

int cgcs2000_gk3_epsg(double lon)
{
    // EPSG:4534 is "CGCS2000 / 3-degree Gauss-Kruger CM 75E", each following code 3 degrees further east up to 4554 (135E).
    const int index = static_cast<int>(std::lround((lon - 75.0) / 3.0));
    return 4534 + std::clamp(index, 0, 20);
}

LocalCrs choose_local_crs(std::string_view spec, double lon, double lat)
{
    std::string s(spec);
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    if (s.empty() || s == "auto") return describe(utm_epsg(lon, lat));
    if (s == "cgcs2000") {
        if (lon < 73.5 || lon > 136.5)
            throw InputError("crs = \"cgcs2000\" but the data lies at longitude " + fixed_text(lon, 6) + ", outside China",
                             {}, "use crs = \"auto\" for data outside China");
        return describe(cgcs2000_gk3_epsg(lon));
    }
    if (s.starts_with("epsg:")) {
        int code = 0;
        const char* begin = s.data() + 5;
        const char* end = s.data() + s.size();
        auto [ptr, ec] = std::from_chars(begin, end, code);
        if (ec == std::errc{} && ptr == end && code > 0) return describe(code);
    }
    throw InputError("crs = \"" + std::string(spec) + "\" is not understood", {},
                     "use \"auto\" (UTM zone of the data), \"cgcs2000\" (3-degree Gauss-Kruger zone) or \"EPSG:nnnn\"");
}

Transformer::Transformer(const std::string& source_definition, const std::string& target_definition)
    : m_context(std::make_unique<ProjContext>())
{
    PJ* raw = proj_create_crs_to_crs(m_context->get(), source_definition.c_str(), target_definition.c_str(), nullptr);
    if (!raw) throw InputError("PROJ cannot transform between these CRSs: " + std::string(proj_context_errno_string(m_context->get(), proj_context_errno(m_context->get()))));
    PjPtr pj(raw);
    // Always longitude/easting first, whatever the authority's axis order.
    m_pj.reset(proj_normalize_for_visualization(m_context->get(), pj.get()));
    if (!m_pj) throw InputError("PROJ cannot normalise the axis order of a transformation");
}

Transformer::Transformer(Transformer&&) noexcept = default;
Transformer& Transformer::operator=(Transformer&&) noexcept = default;
Transformer::~Transformer()
{
    m_pj.reset();  // before its context
}

bool Transformer::transform(std::vector<double>& x, std::vector<double>& y) const
{
    if (x.empty()) return true;
    proj_trans_generic(m_pj.get(), PJ_FWD, x.data(), sizeof(double), x.size(), y.data(), sizeof(double), y.size(),
                       nullptr, 0, 0, nullptr, 0, 0);
    for (std::size_t i = 0; i < x.size(); ++i)
        if (!std::isfinite(x[i]) || !std::isfinite(y[i])) return false;
    return true;
}

bool Transformer::transform(double& x, double& y) const
{
    PJ_COORD c = proj_coord(x, y, 0, 0);
    c = proj_trans(m_pj.get(), PJ_FWD, c);
    x = c.xy.x;
    y = c.xy.y;
    return std::isfinite(x) && std::isfinite(y);
}

}  // namespace geo::crs
