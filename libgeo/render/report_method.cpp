#include "libgeo/render/report_method.hpp"

#include "libgeo/core/people_number.hpp"
#include "libgeo/render/text.hpp"

#include <algorithm>
#include <map>

namespace geo::render::report {

namespace {

std::string metres(double m) { return rounded_for_people(m) + " m"; }
std::string metres_zh(double m) { return rounded_for_people(m) + " 米"; }

std::string kernel_zh(const std::string& kernel)
{
    static const std::map<std::string, std::string> names{{"quartic", "四次（quartic）"},
                                                          {"triangular", "三角（triangular）"},
                                                          {"uniform", "均匀（uniform）"},
                                                          {"triweight", "三权（triweight）"},
                                                          {"epanechnikov", "Epanechnikov"},
                                                          {"gaussian", "高斯（gaussian）"}};
    const auto it = names.find(kernel);
    return it == names.end() ? kernel : it->second;
}

std::vector<MethodNote> notes_en(const MethodFigures& m)
{
    std::vector<MethodNote> out;
    out.push_back({"Problem density (kernel density)",
                   m.kernel.empty()
                       ? "Not computed in this run."
                       : "Each problem is spread over a circle of " + metres(m.radius_m) + " with a " + m.kernel +
                             " kernel (highest at the problem, zero at the edge of the circle) and the circles are summed "
                             "on a " + metres(m.pixel_m) + " grid (density.tif, the shading of the overview map). It "
                             "shows where problems are many; it does not say whether that is more than chance."});
    if (m.cell_shape.empty()) {
        out.push_back({"Hot spots", "Not computed in this run (too few problems or cells)."});
        return out;
    }
    out.push_back({"Cells and distance band",
                   "Problems are counted in " + m.cell_shape + " cells of " + metres(m.cell_m) +
                       (m.cell_chosen ? " (chosen from the spacing of the problems, the rule of ArcGIS's Optimized Hot "
                                        "Spot Analysis)"
                                      : "") +
                       ". Each cell is compared together with its neighbours within " + metres(m.band_m) +
                       (m.band_chosen ? " (the distance at which problems cluster most, found by incremental spatial "
                                        "autocorrelation)"
                                      : "") +
                       "."});
    out.push_back({"More problems than chance would give (Getis-Ord Gi*)",
                   "Gi* compares the problems in and around a cell with the whole town: a high z-score means more "
                   "problems there than chance would give, a low one fewer. Testing thousands of cells at once finds "
                   "some by luck, so " +
                       std::string(m.fdr ? "the p-values are corrected for the false discovery rate (Benjamini-Hochberg) "
                                           "and a cell is marked at 90 %, 95 % or 99 % confidence only after that correction"
                                         : "note that this run did not correct the p-values for the false discovery rate "
                                           "(fdr = false), so some marked cells are there by luck") +
                       ". Problems per km walked divide the problems of a cell or zone by the track length walked "
                       "inside it."});
    out.push_back({"Hotspot zones",
                   "Cells with more problems than chance would give that share an edge or a corner are merged into one "
                   "zone (the union of the cells), so one place is one row of the hotspot table, never a group of "
                   "neighbouring cells. A zone is named by the village holding most of its area and the nearest named "
                   "road or river within " + metres(m.band_m) + ". Zones are ranked by problems found, then by "
                   "problems per km walked; zones without problems are not listed. This run found " +
                       std::to_string(m.zones) + " zones, " + std::to_string(m.zones_with_issues) + " of them with problems."});
    return out;
}

std::vector<MethodNote> notes_zh(const MethodFigures& m)
{
    std::vector<MethodNote> out;
    out.push_back({"问题密度（核密度）",
                   m.kernel.empty() ? "本次未计算。"
                                    : "每个问题按 " + kernel_zh(m.kernel) + " 核函数分布在半径 " + metres_zh(m.radius_m) +
                                          " 的圆内（问题处最高，圆边为零），在 " + metres_zh(m.pixel_m) +
                                          " 的栅格上叠加（density.tif，总览图的底色）。它显示问题多的地方，但不说明是否多于随机。"});
    if (m.cell_shape.empty()) {
        out.push_back({"热点", "本次未计算（问题或网格太少）。"});
        return out;
    }
    out.push_back({"网格与距离带",
                   "问题按 " + metres_zh(m.cell_m) + (m.cell_shape == "hexagon" ? " 的六边形网格" : " 的方形网格") + "计数" +
                       (m.cell_chosen ? "（按问题间距自动选择，同 ArcGIS 优化热点分析的规则）" : "") +
                       "。每个网格与其 " + metres_zh(m.band_m) + " 内的邻近网格一起比较" +
                       (m.band_chosen ? "（问题聚集最强的距离，由增量空间自相关确定）" : "") + "。"});
    out.push_back({"问题多于随机（Getis-Ord Gi*）",
                   "Gi* 将一个网格及其周围的问题与全镇比较：z 值高表示那里的问题多于随机，低则少于随机。同时检验成千上万个网格难免有偶然结果，" +
                       std::string(m.fdr ? "因此 p 值经错误发现率（Benjamini-Hochberg）校正，校正后才按 90%、95% 或 99% 置信度标出"
                                         : "本次未做错误发现率校正（fdr = false），部分标出的网格可能出于偶然") +
                       "。每公里问题数为网格或区域内的问题数除以其中巡查轨迹的长度。"});
    out.push_back({"热点区域",
                   "问题多于随机、且共边或共角的网格合并为一个区域（网格的并集），因此一个地点在热点表中只占一行，而不是一组相邻网格。"
                   "区域以占其面积最大的村和 " + metres_zh(m.band_m) + " 内最近的有名称道路或河渠命名，按发现问题数排序，其次按每公里问题数；"
                   "无问题的区域不列出。本次共 " + std::to_string(m.zones) + " 个区域，其中 " +
                       std::to_string(m.zones_with_issues) + " 个有问题。"});
    return out;
}

}  // namespace

std::vector<MethodNote> method_notes(const MethodFigures& figures, Lang lang)
{
    return lang == Lang::zh ? notes_zh(figures) : notes_en(figures);
}

void draw_method_notes(cairo_t* cr, const Area& area, const std::vector<MethodNote>& notes)
{
    const double width = std::min(area.width, 620.0);  // long lines are hard to read
    double y = area.y;
    for (const auto& note : notes) {
        y += draw_text(cr, note.heading, {.size_pt = 11, .bold = true, .wrap_width_pt = width}, area.x, y).height + 4;
        y += draw_text(cr, note.text, {.size_pt = 9.5, .wrap_width_pt = width}, area.x, y).height + 12;
    }
}

}  // namespace geo::render::report
