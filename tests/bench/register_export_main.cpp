// The register export benchmark (issue 21, scripts/bench/register_export.sh): a day's forms of N villages (default
// 1,200, a county) written as export_registers writes them for `geowalk register export`: per village an XLSX of two
// sheets and two CSVs, and the one PDF. Generated villages: each has `day` issues of the day and `earlier` more in its
// register, with Chinese text of realistic length. Prints one line per repetition: seconds, files, PDF pages.
// Usage: geowalk_bench_register_export OUT_DIR [villages=1200] [repetitions=3] [day=3] [earlier=20]
#include "libgeo/register_export/export_all.hpp"

#include <gdal_priv.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

geo::reg::VillageRegister village(int v, int day, int earlier)
{
    geo::reg::VillageRegister out{"测试村" + std::to_string(v + 1), std::to_string(440301000 + v), "2017-02-20", {}, {}};
    for (int i = 0; i < day + earlier; ++i) {
        geo::reg::RegisterRow r;
        r.issue_id = "V" + std::to_string(v + 1) + "-" + std::to_string(i + 1);
        r.found_at = "2017-02-" + std::to_string(i < earlier ? 10 + i % 10 : 20) + " 09:30";
        r.found_by = "巡查员" + std::to_string(i % 5);
        r.village = out.village;
        r.category = i % 2 ? "highway_shoulder" : "river_ditch";
        r.problem_type = "垃圾堆放";
        r.description = "村道两侧堆放生活垃圾约" + std::to_string(i + 2) + "立方米，影响村容村貌，需清运";
        r.location = "114.1234, 22.5678";
        r.responsible_unit = "镇环卫站";
        r.responsible_person = "张三";
        r.deadline = "2017-02-25";
        r.status = i < earlier ? "rectified" : "assigned";
        r.measures = i < earlier ? "已清运，设置警示牌" : "";
        out.rows_cumulative.push_back(r);
        if (i >= earlier) out.rows_of_day.push_back(r);
    }
    return out;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s OUT_DIR [villages] [repetitions] [day] [earlier]\n", argv[0]);
        return 2;
    }
    GDALAllRegister();
    const int villages = argc > 2 ? std::stoi(argv[2]) : 1200;
    const int reps = argc > 3 ? std::stoi(argv[3]) : 3;
    const int day = argc > 4 ? std::stoi(argv[4]) : 3;
    const int earlier = argc > 5 ? std::stoi(argv[5]) : 20;
    std::vector<geo::reg::VillageRegister> list;
    list.reserve(static_cast<std::size_t>(villages));
    for (int v = 0; v < villages; ++v) list.push_back(village(v, day, earlier));
    geo::reg::ExportOptions options;
    options.campaign = "基准测试";
    // GEOWALK_REGEXPORT_PARTS: which writers to time ("xlsx,csv,pdf" by default), to see where the time goes.
    if (const char* parts = std::getenv("GEOWALK_REGEXPORT_PARTS")) {
        const std::string p(parts);
        options.xlsx = p.find("xlsx") != std::string::npos;
        options.csv = p.find("csv") != std::string::npos;
        options.pdf = p.find("pdf") != std::string::npos;
    }
    for (int r = 0; r < reps; ++r) {
        const auto start = std::chrono::steady_clock::now();
        const auto result = geo::reg::export_registers(list, argv[1], options);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("%.3f\t%zu\t%d\n", seconds, result.files.size(), result.pdf_pages);
        std::fflush(stdout);
    }
    return 0;
}
