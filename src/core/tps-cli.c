/* tps-cli.c
 *
 * `touchpoint-studio --check IN` and `--export=OUT IN`: what teams use in
 * scripts and CI. Every failure is one line on stderr and a non-zero exit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tps-cli.h"
#include "tps-compare.h"
#include "tps-conflict.h"
#include "tps-csv.h"
#include "tps-exporter.h"
#include "tps-health.h"
#include "tps-i18n-private.h"
#include "tps-map-layout.h"
#include "tps-merge.h"
#include "tps-project-edit.h"
#include "tps-project-io.h"
#include "tps-report.h"

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
  EXIT_FINDINGS = 3,  /* --check --strict: the health check found something */
};

typedef struct
{
  gboolean check;
  gboolean strict;
  gboolean version;
  char *export_path;
  char *separator;
  char *language;
  double zoom;
  int dpi;
  char *paper;
  gboolean landscape;
  gboolean poster;
  char *poster_scale;
  gboolean report;
  gboolean all_lanes;
  gboolean hide_empty_lanes;
  char *comparator;
  gboolean diff;
  gboolean merge;
  char *since;
  gboolean raw_formulas;
  char **inputs;
} Options;

static const char * const headless_options[] = {
  "--check", "--diff", "--merge", "--export", "--version", "--help", "-h", "--help-all",
};

/* The GUI is started unless one of the headless options is given. */
gboolean
tps_cli_is_headless (int    argc,
                     char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--") == 0)
        break;

      for (guint j = 0; j < G_N_ELEMENTS (headless_options); j++)
        {
          gsize len = strlen (headless_options[j]);

          if (strncmp (argv[i], headless_options[j], len) == 0
              && (argv[i][len] == '\0' || argv[i][len] == '='))
            return TRUE;
        }
    }

  return FALSE;
}

static void G_GNUC_PRINTF (1, 2)
complain (const char *format,
          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("touchpoint-studio: %s\n", message);
}

/* A spreadsheet of touchpoints becomes a new project titled after the
 * file; what was read with a caveat (an unknown column) is said, but only
 * a real problem fails.
 */
static TpsProject *
load_csv (GFile      *file,
          const char *path)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  TpsProject *project;

  project = tps_csv_load_project_from_file (file, &warnings, &error);
  if (project == NULL)
    {
      complain ("%s: %s", path, error->message);
      return NULL;
    }

  for (guint i = 0; i < warnings->len; i++)
    {
      g_autofree char *text = tps_csv_problem_to_string (g_ptr_array_index (warnings, i));
      complain (_("%s: warning: %s"), path, text);
    }

  return project;
}

static TpsProject *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  TpsProject *project;

  if (g_str_has_suffix (path, ".csv"))
    return load_csv (file, path);

  if (!g_str_has_suffix (path, ".touchpoints") && !g_str_has_suffix (path, ".xml"))
    {
      complain (_("%s: cannot read this kind of file; use a .touchpoints project or a "
                  ".csv table"), path);
      return NULL;
    }

  project = tps_project_load_from_file (file, NULL, &error);
  if (project == NULL)
    complain ("%s: %s", path, error->message);

  return project;
}

static guint
count_measurements (TpsProject *project)
{
  GListModel *touchpoints = tps_project_get_touchpoints (project);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);
      n += g_list_model_get_n_items (tps_touchpoint_get_measurements (touchpoint));
    }

  return n;
}

static void G_GNUC_PRINTF (1, 0)
print_count (const char *format,
             guint       n)
{
  g_print ("  ");
  g_print (format, n);
  g_print ("\n");
}

/* The health findings: counted in the summary, then one warning line each
 * in the form compilers use, on stdout with the summary; stderr stays for
 * what makes the check fail.
 */
static guint
print_health (const char *path,
              TpsProject *project)
{
  g_autoptr(GPtrArray) findings = tps_health_check (project, NULL);
  g_autoptr(GString) lines = g_string_new (NULL);
  guint counts[TPS_HEALTH_N_SEVERITIES];
  guint n = findings->len;

  tps_health_count (findings, counts);
  print_count (g_dngettext (GETTEXT_PACKAGE, "%u health finding", "%u health findings", n), n);
  for (guint s = 0; s < TPS_HEALTH_N_SEVERITIES; s++)
    if (counts[s] > 0)
      {
        g_print ("    ");
        /* Translators: "2 × Critical" in the --check summary */
        g_print (_("%u × %s"), counts[s], tps_health_severity_get_label (s));
        g_print ("\n");
      }

  /* One write for all of them: g_print() flushes after every call. */
  for (guint i = 0; i < findings->len; i++)
    {
      TpsHealthFinding *finding = g_ptr_array_index (findings, i);

      /* Translators: "FILE: warning: Critical: “Hotline” is a painpoint …" */
      g_string_append_printf (lines, _("%s: warning: %s: %s"), path,
                              tps_health_severity_get_label (finding->severity),
                              finding->message);
      g_string_append_c (lines, '\n');
    }
  g_print ("%s", lines->str);

  return n;
}

static int
run_check (const char *path,
           gboolean    strict)
{
  TpsMeasureSummary summary;
  g_autoptr(TpsProject) project = load (path);
  guint n;

  if (project == NULL)
    return EXIT_FAILED;

  g_print (_("%s: valid project “%s”\n"), path,
           tps_project_get_title (project) ? tps_project_get_title (project) : "");

  n = g_list_model_get_n_items (tps_project_get_personas (project));
  print_count (g_dngettext (GETTEXT_PACKAGE, "%u persona", "%u personas", n), n);
  n = g_list_model_get_n_items (tps_project_get_stages (project));
  print_count (g_dngettext (GETTEXT_PACKAGE, "%u stage", "%u stages", n), n);
  n = g_list_model_get_n_items (tps_project_get_channels (project));
  print_count (g_dngettext (GETTEXT_PACKAGE, "%u channel", "%u channels", n), n);
  n = g_list_model_get_n_items (tps_project_get_touchpoints (project));
  print_count (g_dngettext (GETTEXT_PACKAGE, "%u touchpoint", "%u touchpoints", n), n);
  n = tps_project_count_moment (project, TPS_MOMENT_PAINPOINT);
  print_count (g_dngettext (GETTEXT_PACKAGE, "%u painpoint", "%u painpoints", n), n);
  n = tps_project_count_moment (project, TPS_MOMENT_LOVEPOINT);
  print_count (g_dngettext (GETTEXT_PACKAGE, "%u lovepoint", "%u lovepoints", n), n);
  n = tps_project_count_moment (project, TPS_MOMENT_OF_TRUTH);
  print_count (g_dngettext (GETTEXT_PACKAGE, "%u moment of truth", "%u moments of truth", n),
               n);
  n = g_list_model_get_n_items (tps_project_get_measures (project));
  print_count (g_dngettext (GETTEXT_PACKAGE, "%u measure", "%u measures", n), n);
  tps_project_measure_summary (project, &summary);
  n = summary.n_quick_wins;
  print_count (g_dngettext (GETTEXT_PACKAGE, "%u quick win", "%u quick wins", n), n);
  n = count_measurements (project);
  print_count (g_dngettext (GETTEXT_PACKAGE, "%u measurement", "%u measurements", n), n);
  n = g_list_model_get_n_items (tps_project_get_comparators (project));
  print_count (g_dngettext (GETTEXT_PACKAGE, "%u comparator", "%u comparators", n), n);

  n = print_health (path, project);
  return strict && n > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/* --comparator names one of the project's comparators by id. */
static gboolean
check_comparator (TpsProject    *project,
                  const char    *path,
                  const Options *options)
{
  if (options->comparator == NULL
      || tps_project_find_comparator (project, options->comparator) != NULL)
    return TRUE;

  complain (_("%s: the project has no comparator with the id “%s”"), path, options->comparator);
  return FALSE;
}

/* --poster=SCALE: a factor ("0.5"), a percentage ("50%") or the paper the
 * whole poster should fill ("A0"); without a value, natural size.
 */
static gboolean
parse_poster_scale (const char                *text,
                    TpsProject                *project,
                    const TpsMapLayoutOptions *map,
                    double                     margin,
                    double                    *scale)
{
  TpsPaper paper;
  char *end = NULL;
  double value;

  if (text == NULL || *text == '\0')
    {
      *scale = 1.0;
      return TRUE;
    }

  if (tps_paper_parse (text, &paper))
    {
      double width = 1, height = 1;

      if (project != NULL)
        {
          g_autoptr(TpsMapLayout) layout = tps_map_layout_new_for_export (project, map);

          tps_map_layout_get_size (layout, &width, &height);
        }
      *scale = tps_page_poster_scale_for_paper (width, height, paper, margin);
      return TRUE;
    }

  value = g_ascii_strtod (text, &end);
  if (end == text)
    return FALSE;
  if (*end == '%')
    {
      value /= 100;
      end++;
    }

  *scale = value;
  return *end == '\0' && value >= 0.05 && value <= 10;
}

/* git hands a file it does not have (a file added or deleted) as
 * /dev/null, a merge without a common ancestor as an empty file: that side
 * is an empty project. Its temporary files have no extension: anything but
 * a .csv is read as a project.
 */
static TpsProject *
load_version (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  TpsProject *project;

  if (g_strcmp0 (path, "/dev/null") == 0)
    return tps_project_new ();
  if (g_str_has_suffix (path, ".csv"))
    return load (path);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL,
                            NULL);
  if (info != NULL && g_file_info_get_size (info) == 0)
    return tps_project_new ();

  project = tps_project_load_from_file (file, NULL, &error);
  if (project == NULL)
    complain ("%s: %s", path, error->message);
  return project;
}

/* --diff OLD NEW: what changed, one line each; exit 0 when nothing did.
 * --diff FILE: the project as text, for git's textconv.
 * --diff with git's seven arguments (PATH OLD-FILE OLD-HEX OLD-MODE
 * NEW-FILE NEW-HEX NEW-MODE): git's external diff driver, which must exit 0
 * or git stops.
 */
static int
run_diff (char **inputs)
{
  guint n = g_strv_length (inputs);
  g_autoptr(TpsProject) old_project = NULL;
  g_autoptr(TpsProject) new_project = NULL;
  g_autoptr(TpsComparison) comparison = NULL;
  g_autofree char *text = NULL;
  gboolean git = n == 7;

  if (n == 1)
    {
      g_autoptr(TpsProject) project = load_version (inputs[0]);

      if (project == NULL)
        return EXIT_USAGE;
      text = tps_project_to_text (project);
      g_print ("%s", text);
      return EXIT_OK;
    }

  if (n != 2 && !git)
    {
      complain (_("--diff takes two files, OLD and NEW (or one, to print it as text)"));
      return EXIT_USAGE;
    }

  old_project = load_version (git ? inputs[1] : inputs[0]);
  new_project = load_version (git ? inputs[4] : inputs[1]);
  if (old_project == NULL || new_project == NULL)
    return git ? EXIT_OK : EXIT_USAGE;

  comparison = tps_comparison_new (old_project, new_project);
  text = tps_comparison_to_text (comparison);
  if (git)
    g_print ("%s\n", inputs[0]);
  g_print ("%s", text);

  if (git)
    return EXIT_OK;
  return tps_comparison_is_empty (comparison) ? EXIT_OK : EXIT_FAILED;
}

/* --merge BASE OURS THEIRS, git's %O %A %B: the merged project replaces
 * OURS. Every conflict is one line on stderr, and recorded in the file for
 * the app to offer; exit 1 while there are any.
 */
static int
run_merge (char **inputs)
{
  g_autoptr(TpsProject) base = NULL;
  g_autoptr(TpsProject) ours = NULL;
  g_autoptr(TpsProject) theirs = NULL;
  g_autoptr(TpsProject) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  GListModel *conflicts;
  gsize length;

  if (g_strv_length (inputs) != 3)
    {
      complain (_("--merge takes three files: BASE OURS THEIRS (git's %%O %%A %%B)"));
      return EXIT_USAGE;
    }

  base = load_version (inputs[0]);
  ours = load_version (inputs[1]);
  theirs = load_version (inputs[2]);
  if (base == NULL || ours == NULL || theirs == NULL)
    return EXIT_USAGE;

  merged = tps_project_merge (base, ours, theirs);

  /* Written in place, without the backup copy a save keeps: git's
   * temporary file must not leave a "~" beside it in the work tree.
   */
  data = tps_project_save_to_data (merged, &length);
  if (!g_file_set_contents (inputs[1], data, length, &error))
    {
      complain ("%s: %s", inputs[1], error->message);
      return EXIT_USAGE;
    }

  conflicts = tps_project_get_conflicts (merged);
  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr(TpsConflict) conflict = g_list_model_get_item (conflicts, i);
      g_autofree char *title = tps_conflict_get_title (conflict, merged);
      g_autofree char *kept = tps_conflict_get_kept_text (conflict, merged);
      g_autofree char *other = tps_conflict_get_other_text (conflict, merged);

      if (tps_conflict_get_deleted (conflict))
        complain (_("conflict: %s"), title);
      else
        complain (_("conflict: %s: kept %s, the other version has %s"), title, kept, other);
    }

  return g_list_model_get_n_items (conflicts) > 0 ? EXIT_FAILED : EXIT_OK;
}

/* --zoom: a finite scale above 0, at most 32; 0 means "not given". */
static gboolean
parse_zoom (const char  *option_name,
            const char  *value,
            gpointer     data,
            GError     **error)
{
  Options *options = data;
  char *end = NULL;
  double zoom = g_ascii_strtod (value, &end);

  if (end == value || *end != '\0' || !isfinite (zoom) || zoom <= 0 || zoom > 32)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--zoom must be a number above 0 and at most 32, not “%s”"), value);
      return FALSE;
    }

  options->zoom = zoom;
  return TRUE;
}

/* --dpi: a whole number from 1 to 3072; 0 means "not given". */
static gboolean
parse_dpi (const char  *option_name,
           const char  *value,
           gpointer     data,
           GError     **error)
{
  Options *options = data;
  gint64 dpi;

  if (!g_ascii_string_to_signed (value, 10, 1, 3072, &dpi, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--dpi must be a whole number from 1 to 3072, not “%s”"), value);
      return FALSE;
    }

  options->dpi = (int) dpi;
  return TRUE;
}

/* --poster's value is optional, which only a callback can take. */
static gboolean
parse_poster (const char  *option_name,
              const char  *value,
              gpointer     data,
              GError     **error)
{
  Options *options = data;

  options->poster = TRUE;
  g_free (options->poster_scale);
  options->poster_scale = g_strdup (value);
  return TRUE;
}

/* Says that options apply only to the exporters that read @uses, naming
 * their extensions from the table.
 */
static void
complain_applies (const char    *format,
                  TpsExportUses  uses)
{
  g_autofree char *extensions = tps_exporter_list_extensions (uses);
  g_autofree char *message = g_strdup_printf (format, extensions);

  complain ("%s", message);
}

/* Whether the options fit together and fit the exporter: an option is
 * refused where the table says its group does not apply.
 */
static gboolean
check_export_options (const Options     *options,
                      const TpsExporter *exporter)
{
  TpsExportUses uses = exporter->uses;
  double scale;

  if (!(uses & TPS_EXPORT_USES_PAGE)
      && (options->paper || options->landscape || options->poster || options->report))
    {
      complain_applies (_("--paper, --landscape, --poster and --report apply to %s exports only"),
                        TPS_EXPORT_USES_PAGE);
      return FALSE;
    }
  if (options->paper != NULL && !tps_paper_parse (options->paper, &(TpsPaper) { 0 }))
    {
      complain (_("unknown paper “%s”; use A4, A3, A2, A1, A0, letter or tabloid"),
                options->paper);
      return FALSE;
    }
  if (options->since != NULL && !options->report)
    {
      complain (_("--since adds a chapter to the --report; give both"));
      return FALSE;
    }
  if (options->poster && !(uses & TPS_EXPORT_USES_POSTER))
    {
      complain (_("--poster tiles the map; it does not apply to the --report"));
      return FALSE;
    }
  if (options->poster && !parse_poster_scale (options->poster_scale, NULL, NULL, 0, &scale))
    {
      complain (_("unknown poster scale “%s”; use a factor such as 0.5, a percentage such "
                  "as 50%% or the poster's paper such as A0"), options->poster_scale);
      return FALSE;
    }
  if (!(uses & TPS_EXPORT_USES_ZOOM) && (options->zoom != 0 || options->dpi != 0))
    {
      complain_applies (_("--zoom and --dpi apply to %s exports only"), TPS_EXPORT_USES_ZOOM);
      return FALSE;
    }
  if (options->all_lanes && options->hide_empty_lanes)
    {
      complain (_("give either --all-lanes or --hide-empty-lanes, not both"));
      return FALSE;
    }
  if (options->comparator != NULL && !(uses & TPS_EXPORT_USES_COMPARATOR))
    {
      complain_applies (_("--comparator applies to the map in %s exports only"),
                        TPS_EXPORT_USES_COMPARATOR);
      return FALSE;
    }
  if ((options->all_lanes || options->hide_empty_lanes) && !(uses & TPS_EXPORT_USES_LANES))
    {
      complain_applies (_("--all-lanes and --hide-empty-lanes apply to the map in %s exports "
                          "only"), TPS_EXPORT_USES_LANES);
      return FALSE;
    }
  if (options->zoom != 0 && options->dpi != 0)
    {
      complain (_("give either --zoom or --dpi, not both"));
      return FALSE;
    }

  return TRUE;
}

/* The flags as the table's options; every group is filled, the exporter
 * reads its own. The --since version is read into @since, which the
 * options point to like to @since_name; fails when it cannot be read.
 */
static gboolean
fill_export_options (const Options    *options,
                     TpsProject       *project,
                     TpsExportOptions *export,
                     TpsProject      **since,
                     char            **since_name)
{
  TpsPaper paper = TPS_PAPER_A4;

  tps_export_options_init (export, options->language);

  /* Maps on paper and in images leave out the lanes without touchpoints,
   * unless --all-lanes asks for every channel.
   */
  export->map.hide_empty_lanes = !options->all_lanes;
  export->map.comparator_id = options->comparator;

  if (options->paper != NULL)
    tps_paper_parse (options->paper, &paper);
  tps_page_options_init (&export->page, paper, options->landscape);
  if (options->poster)
    {
      export->page.mode = TPS_PAGE_MODE_POSTER;
      parse_poster_scale (options->poster_scale, project, &export->map, export->page.margin,
                          &export->page.scale);
    }

  export->report.paper = paper;
  export->report.landscape = options->landscape;
  if (options->since != NULL)
    {
      *since = load_version (options->since);
      if (*since == NULL)
        return FALSE;
      *since_name = g_path_get_basename (options->since);
      export->report.since = *since;
      export->report.since_name = *since_name;
    }

  /* At 96 dpi (zoom 1) one layout unit is one pixel. */
  export->zoom = options->dpi > 0 ? options->dpi / 96.0 : options->zoom > 0 ? options->zoom : 1.0;

  /* Separator and decimal mark follow --language (or the user's
   * language), --separator overrides.
   */
  if (options->separator != NULL)
    export->csv.separator = options->separator[0];
  export->csv.raw_formulas = options->raw_formulas;

  return TRUE;
}

/* --export=OUT IN: OUT's extension picks the exporter from the table, and
 * among those for .pdf --report picks the report.
 */
static int
run_export (const char    *in_path,
            const char    *out_path,
            const Options *options)
{
  const TpsExporter *exporter = tps_exporter_find (out_path, 0);
  const TpsExporter *report = tps_exporter_find (out_path, TPS_EXPORT_USES_REPORT);
  g_autoptr(TpsProject) project = NULL;
  g_autoptr(TpsProject) since = NULL;
  g_autofree char *since_name = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  TpsExportOptions export;

  if (exporter == NULL)
    {
      g_autofree char *supported = tps_exporter_list_extensions (0);
      const char *dot = strrchr (out_path, '.');

      complain (_("%s: cannot export to “%s” files; supported: %s"),
                out_path, dot ? dot : out_path, supported);
      return EXIT_USAGE;
    }
  if (options->report && report != NULL)
    exporter = report;

  if (!check_export_options (options, exporter))
    return EXIT_USAGE;

  project = load (in_path);
  if (project == NULL || !check_comparator (project, in_path, options)
      || !fill_export_options (options, project, &export, &since, &since_name))
    return EXIT_FAILED;

  out = g_file_new_for_commandline_arg (out_path);
  if (!exporter->write (project, &export, out, NULL, &error))
    {
      complain ("%s: %s", out_path, error->message);
      return EXIT_FAILED;
    }

  return EXIT_OK;
}

int
tps_cli_run (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  Options options = { FALSE, };
  GOptionGroup *main_group;
  int status;
  const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, &options.check,
      N_("Check a project file and print a summary"), NULL },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &options.strict,
      N_("With --check, exit with status 3 when the health check finds anything"), NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &options.export_path,
      N_("Write the project to OUT; its extension picks the format"), N_("OUT") },
    { "separator", 0, 0, G_OPTION_ARG_STRING, &options.separator,
      N_("Cell separator of a CSV export, “,” or “;” (default “;” for German)"), N_("SEP") },
    { "raw-formulas", 0, 0, G_OPTION_ARG_NONE, &options.raw_formulas,
      N_("Write CSV cells that start with =, +, -, @ as they are, without the protecting "
         "“'” (only for pipelines that never open the file in a spreadsheet)"), NULL },
    { "language", 0, 0, G_OPTION_ARG_STRING, &options.language,
      N_("Language of messages and exports (de or en)"), N_("LANG") },
    { "zoom", 0, 0, G_OPTION_ARG_CALLBACK, parse_zoom,
      N_("Scale of a PNG export; 1 is 96 dpi"), N_("ZOOM") },
    { "dpi", 0, 0, G_OPTION_ARG_CALLBACK, parse_dpi,
      N_("Resolution of a PNG export in dots per inch (default 96)"), N_("DPI") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &options.paper,
      N_("Paper of a PDF export: A4 (default), A3, A2, A1, A0, letter or tabloid"),
      N_("PAPER") },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &options.landscape,
      N_("Lay the PDF's pages out in landscape"), NULL },
    { "poster", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, parse_poster,
      N_("Tile the map over several pages: at SCALE (0.5 or 50%), or as large as the paper "
         "SCALE names (A0); natural size without SCALE"), N_("SCALE") },
    { "report", 0, 0, G_OPTION_ARG_NONE, &options.report,
      N_("Write the CTM report rather than the map to the .pdf"), NULL },
    { "hide-empty-lanes", 0, 0, G_OPTION_ARG_NONE, &options.hide_empty_lanes,
      N_("Leave out the channels without touchpoints from the map (the default)"), NULL },
    { "all-lanes", 0, 0, G_OPTION_ARG_NONE, &options.all_lanes,
      N_("Show every channel on the map, also those without touchpoints"), NULL },
    { "comparator", 0, 0, G_OPTION_ARG_STRING, &options.comparator,
      N_("On the map, show the ratings of the comparator with this id as a third curve"),
      N_("ID") },
    { "diff", 0, 0, G_OPTION_ARG_NONE, &options.diff,
      N_("Print what changed from the first project to the second; exit 1 if anything did"),
      NULL },
    { "since", 0, 0, G_OPTION_ARG_FILENAME, &options.since,
      N_("With --report: add a chapter of what changed since the earlier version OLD"),
      N_("OLD") },
    { "merge", 0, 0, G_OPTION_ARG_NONE, &options.merge,
      N_("Merge THEIRS into OURS by object id, with BASE as their common version (git's merge "
         "driver); exit 1 on conflicts"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options.version,
      N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.inputs, NULL,
      NULL },
    { NULL }
  };

  context = g_option_context_new (_("[FILE…] — map, rate and improve customer touchpoints"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* A group of our own, so that the --poster callback gets the options. */
  main_group = g_option_group_new (NULL, NULL, NULL, &options, NULL);
  g_option_group_add_entries (main_group, entries);
  g_option_group_set_translation_domain (main_group, GETTEXT_PACKAGE);
  g_option_context_set_main_group (context, main_group);
  g_option_context_set_summary (context,
    _("Without options, opens the files in the Touchpoint Studio window.\n"
      "With --check, --export, --diff or --merge it works without a display, for scripts, "
      "CI and git."));

  args = g_strdupv (argv);

  /* GOption would take the word after a bare --poster as its optional
   * value, even the input file; "--poster=" leaves the files alone.
   */
  for (guint i = 1; args[i] != NULL && g_strcmp0 (args[i], "--") != 0; i++)
    if (g_strcmp0 (args[i], "--poster") == 0)
      {
        g_free (args[i]);
        args[i] = g_strdup ("--poster=");
      }
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      complain ("%s", error->message);
      status = EXIT_USAGE;
      goto out;
    }

  if (options.language != NULL && g_strcmp0 (options.language, "de") != 0
      && g_strcmp0 (options.language, "en") != 0)
    {
      complain (_("unknown language “%s”; use de or en"), options.language);
      status = EXIT_USAGE;
      goto out;
    }

  if (options.separator != NULL && g_strcmp0 (options.separator, ",") != 0
      && g_strcmp0 (options.separator, ";") != 0)
    {
      complain (_("unknown separator “%s”; use , or ;"), options.separator);
      status = EXIT_USAGE;
      goto out;
    }

  if (options.version)
    {
      g_print ("touchpoint-studio %s\n", PACKAGE_VERSION);
      status = EXIT_OK;
      goto out;
    }

  if (options.inputs == NULL || options.inputs[0] == NULL)
    {
      complain (_("no input file given; try --help"));
      status = EXIT_USAGE;
      goto out;
    }

  if (options.merge)
    {
      status = run_merge (options.inputs);
      goto out;
    }

  if (options.diff)
    {
      status = run_diff (options.inputs);
      goto out;
    }

  if (options.export_path != NULL)
    {
      if (options.inputs[1] != NULL)
        {
          complain (_("--export takes exactly one input file"));
          status = EXIT_USAGE;
          goto out;
        }
      status = run_export (options.inputs[0], options.export_path, &options);
      goto out;
    }

  status = EXIT_OK;
  for (guint i = 0; options.inputs[i] != NULL; i++)
    {
      int result = run_check (options.inputs[i], options.strict);

      /* A file that cannot be read outweighs findings in another. */
      status = status == EXIT_FAILED || result == EXIT_FAILED ? EXIT_FAILED
               : MAX (status, result);
    }

out:
  g_free (options.export_path);
  g_free (options.separator);
  g_free (options.language);
  g_free (options.paper);
  g_free (options.since);
  g_free (options.comparator);
  g_free (options.poster_scale);
  g_strfreev (options.inputs);
  return status;
}
