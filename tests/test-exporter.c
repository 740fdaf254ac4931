/* test-exporter.c — the one table of exporters the command line and the
 * Export dialog share: complete, found by extension, and each writer makes
 * a file of its kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tps-exporter.h"
#include "tps-project-io.h"
#include "tps-test-project.h"

/* Every format has an entry at its own index, with an extension, a MIME
 * type, the dialog's words and a writer; only .pdf is shared.
 */
static void
test_table_complete (void)
{
  for (guint i = 0; i < TPS_N_EXPORT_FORMATS; i++)
    {
      const TpsExporter *exporter = tps_exporter_get (i);

      g_assert_nonnull (exporter);
      g_assert_cmpint (exporter->format, ==, i);
      g_assert_nonnull (exporter->extension);
      g_assert_cmpstr (exporter->extension, !=, "");
      g_assert_null (strchr (exporter->extension, '.'));
      g_assert_nonnull (exporter->mime_type);
      g_assert_nonnull (strchr (exporter->mime_type, '/'));
      g_assert_nonnull (exporter->name);
      g_assert_nonnull (exporter->file_type);
      g_assert_nonnull (strstr (exporter->file_type, exporter->extension));
      g_assert_nonnull (exporter->description);
      g_assert_nonnull (exporter->write);

      for (guint j = 0; j < i; j++)
        if (g_strcmp0 (tps_exporter_get (j)->extension, exporter->extension) == 0)
          g_assert_cmpstr (exporter->extension, ==, "pdf");
    }
}

/* The command line's lookup: the output's extension in any case, the
 * report among the .pdf exporters only when asked for, nothing for an
 * extension no exporter has.
 */
static void
test_find_by_extension (void)
{
  static const struct
  {
    const char      *name;
    TpsExportUses    uses;
    TpsExportFormat  format;
  } found[] = {
    { "map.pdf", 0, TPS_EXPORT_FORMAT_PDF_MAP },
    { "/tmp/dir.png/Map.PDF", 0, TPS_EXPORT_FORMAT_PDF_MAP },
    { "report.pdf", TPS_EXPORT_USES_REPORT, TPS_EXPORT_FORMAT_PDF_REPORT },
    { "map.png", 0, TPS_EXPORT_FORMAT_PNG },
    { "MAP.Svg", 0, TPS_EXPORT_FORMAT_SVG },
    { "table.csv", 0, TPS_EXPORT_FORMAT_CSV },
    { "copy.touchpoints", 0, TPS_EXPORT_FORMAT_PROJECT },
    { "map.png", TPS_EXPORT_USES_ZOOM, TPS_EXPORT_FORMAT_PNG },
  };
  static const struct
  {
    const char    *name;
    TpsExportUses  uses;
  } missing[] = {
    { "map.docx", 0 },
    { "pdf", 0 },
    { "map.xpdf", 0 },
    { "map.pdf.bak", 0 },
    { "map", 0 },
    { "map.png", TPS_EXPORT_USES_REPORT },
    { "table.csv", TPS_EXPORT_USES_LANES },
  };

  for (guint i = 0; i < G_N_ELEMENTS (found); i++)
    {
      const TpsExporter *exporter = tps_exporter_find (found[i].name, found[i].uses);

      g_assert_nonnull (exporter);
      g_assert_cmpint (exporter->format, ==, found[i].format);
      g_assert_true (exporter == tps_exporter_get (found[i].format));
    }

  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    g_assert_null (tps_exporter_find (missing[i].name, missing[i].uses));
}

/* What the command line's messages list: each extension once, sorted. */
static void
test_list_extensions (void)
{
  static const struct
  {
    TpsExportUses  uses;
    const char    *list;
  } cases[] = {
    { 0, ".csv, .pdf, .png, .svg and .touchpoints" },
    { TPS_EXPORT_USES_PAGE, ".pdf" },
    { TPS_EXPORT_USES_ZOOM, ".png" },
    { TPS_EXPORT_USES_COMPARATOR, ".pdf, .png and .svg" },
    { TPS_EXPORT_USES_LANES, ".pdf, .png and .svg" },
    { TPS_EXPORT_USES_ZOOM | TPS_EXPORT_USES_CSV, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *list = tps_exporter_list_extensions (cases[i].uses);

      g_assert_cmpstr (list, ==, cases[i].list);
    }
}

static char *
write_through_table (TpsProject             *project,
                     TpsExportFormat         format,
                     const TpsExportOptions *options,
                     gsize                  *length)
{
  const TpsExporter *exporter = tps_exporter_get (format);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-exporter-XXXXXX", &error);
  g_autofree char *name = g_strconcat ("out.", exporter->extension, NULL);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  char *contents = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  file = g_file_new_for_path (path);

  g_assert_true (exporter->write (project, options, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);

  g_unlink (path);
  g_rmdir (dir);
  return contents;
}

/* Each writer of the table, with the options as initialised, makes a
 * file of its kind from the example project.
 */
static void
test_writes_each_kind (void)
{
  g_autoptr(TpsProject) project = tps_test_load_example ("en/car-dealership.touchpoints");
  TpsExportOptions options;

  tps_export_options_init (&options, "en");

  for (guint i = 0; i < TPS_N_EXPORT_FORMATS; i++)
    {
      gsize length;
      g_autofree char *contents = write_through_table (project, i, &options, &length);
      const char *text = contents;

      g_assert_cmpuint (length, >, 100);
      switch ((TpsExportFormat) i)
        {
        case TPS_EXPORT_FORMAT_PDF_MAP:
        case TPS_EXPORT_FORMAT_PDF_REPORT:
          g_assert_true (g_str_has_prefix (text, "%PDF-"));
          break;

        case TPS_EXPORT_FORMAT_PNG:
          g_assert_cmpint (memcmp (text, "\x89PNG\r\n\x1a\n", 8), ==, 0);
          break;

        case TPS_EXPORT_FORMAT_SVG:
          g_assert_nonnull (strstr (text, "<svg"));
          break;

        case TPS_EXPORT_FORMAT_CSV:
          /* The byte order mark for spreadsheet programs, then the header. */
          if (g_str_has_prefix (text, "\xEF\xBB\xBF"))
            text += 3;
          g_assert_true (g_str_has_prefix (text, "id,stage,"));
          break;

        case TPS_EXPORT_FORMAT_PROJECT:
          g_assert_nonnull (strstr (text, "<touchpoint-project"));
          break;

        case TPS_N_EXPORT_FORMATS:
        default:
          g_assert_not_reached ();
        }
    }
}

/* The writers read their own groups: the CSV its separator, the PNG its
 * zoom.
 */
static void
test_writers_read_their_groups (void)
{
  g_autoptr(TpsProject) project = tps_test_load_example ("en/car-dealership.touchpoints");
  TpsExportOptions options;
  g_autofree char *comma = NULL;
  g_autofree char *semicolon = NULL;
  g_autofree char *small = NULL;
  g_autofree char *large = NULL;
  gsize length;

  tps_export_options_init (&options, "en");
  options.csv.bom = FALSE;
  options.csv.separator = ',';
  comma = write_through_table (project, TPS_EXPORT_FORMAT_CSV, &options, &length);
  options.csv.separator = ';';
  semicolon = write_through_table (project, TPS_EXPORT_FORMAT_CSV, &options, &length);
  g_assert_true (g_str_has_prefix (comma, "id,"));
  g_assert_true (g_str_has_prefix (semicolon, "id;"));

  options.zoom = 0.25;
  small = write_through_table (project, TPS_EXPORT_FORMAT_PNG, &options, &length);
  options.zoom = 1;
  large = write_through_table (project, TPS_EXPORT_FORMAT_PNG, &options, &length);
  /* The PNG's width, big-endian in its header chunk. */
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (small + 16)) * 4, <=,
                    GUINT32_FROM_BE (*(guint32 *) (large + 16)) + 4);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (small + 16)) * 4, >=,
                    GUINT32_FROM_BE (*(guint32 *) (large + 16)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exporter/table/complete", test_table_complete);
  g_test_add_func ("/exporter/find/by-extension", test_find_by_extension);
  g_test_add_func ("/exporter/list-extensions", test_list_extensions);
  g_test_add_func ("/exporter/write/each-kind", test_writes_each_kind);
  g_test_add_func ("/exporter/write/reads-its-groups", test_writers_read_their_groups);

  return g_test_run ();
}
