#include "libgeo/register_export/export_csv.hpp"

#include "libgeo/export/vector_writer.hpp"

namespace geo::reg {

void write_village_csv(const VillageRegister& village, Form form, const std::filesystem::path& file, Lang lang)
{
    const std::vector<FormColumn> columns = form_columns(true);
    std::vector<output::FieldDef> fields;
    fields.reserve(columns.size());
    for (const FormColumn& c : columns) fields.push_back({std::string(c.title(lang)), OFTString});
    output::VectorFile out(file, "CSV");
    // Every column a string, written as the register holds it. IF_NEEDED quotes a field only where it holds a
    // comma, a quote or a line break (quotes doubled inside), which is what Excel and RFC 4180 expect.
    output::VectorLayer layer = out.create_layer(std::string(form_name(form)(lang)), wkbNone, {}, fields,
                                                 {"WRITE_BOM=YES", "LINEFORMAT=CRLF", "STRING_QUOTING=IF_NEEDED"});
    const std::vector<RegisterRow>& rows = form_rows(village, form);
    std::vector<AttributeValue> values(columns.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t c = 0; c < columns.size(); ++c) values[c] = cell_text(columns[c].field, rows[r], r, lang);
        layer.add(nullptr, values);
    }
    out.close();
}

}  // namespace geo::reg
