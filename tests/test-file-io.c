/* test-file-io.c — the atomic writer every output goes through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* unshare() for the full-disk test */
#define _GNU_SOURCE

#include "config.h"

#include <sched.h>

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tps-csv.h"
#include "tps-export-pdf.h"
#include "tps-export-png.h"
#include "tps-export-svg.h"
#include "tps-file-io.h"
#include "tps-project-io.h"
#include "tps-report.h"
#include "tps-test-project.h"

static const char old_contents[] = "the team's work, which must survive\n";

static TpsProject *
load_example (void)
{
  return tps_test_load_example ("de/stadtwerke.touchpoints");
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* The new contents replace the old, the mode is kept, nothing else is
 * left in the folder.
 */
static void
test_replace_keeps_mode (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tps-write-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "table.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  write_file (path, old_contents);
  g_chmod (path, 0640);

  g_assert_true (tps_file_replace_contents (file, "new\n", 4, TPS_FILE_REPLACE_NONE, &error));
  g_assert_no_error (error);
  assert_contents (path, "new\n");
  g_stat (path, &st);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  g_assert_cmpuint (count_files (dir), ==, 1);

  remove_dir (dir);
}

/* Saving through a symlink replaces the file it points to; the link
 * stays a link.
 */
static void
test_replace_follows_symlink (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tps-write-XXXXXX", NULL);
  g_autofree char *real_dir = g_build_filename (dir, "real", NULL);
  g_autofree char *target = g_build_filename (real_dir, "project.touchpoints", NULL);
  g_autofree char *link = g_build_filename (dir, "link.touchpoints", NULL);
  g_autofree char *backup = g_strconcat (target, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_mkdir (real_dir, 0755);
  write_file (target, old_contents);
  g_assert_cmpint (symlink ("real/project.touchpoints", link), ==, 0);

  tps_project_set_title (project, "Durch den Link");
  g_assert_true (tps_project_save_to_file (project, file, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_file_get_contents (target, &contents, NULL, NULL);
  g_assert_nonnull (strstr (contents, "<title>Durch den Link</title>"));
  assert_contents (backup, old_contents);
  g_assert_cmpuint (count_files (dir), ==, 2);
  g_assert_cmpuint (count_files (real_dir), ==, 2);

  remove_dir (dir);
}

/* A write-protected file is refused with its own error code unless the
 * user confirmed; then it is replaced and stays write-protected.
 */
static void
test_replace_refuses_read_only (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tps-write-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "project.touchpoints", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  write_file (path, old_contents);
  g_chmod (path, 0444);

  g_assert_false (tps_project_save_to_file (project, file, NULL, &error));
  g_assert_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==,
                   "The project could not be saved: the file is write-protected");
  assert_contents (path, old_contents);
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_clear_error (&error);

  g_assert_true (tps_project_save_to_file_full (project, file, TPS_FILE_REPLACE_READ_ONLY, NULL,
                                                &error));
  g_assert_no_error (error);
  g_stat (path, &st);
  g_assert_cmpint (st.st_mode & 07777, ==, 0444);

  remove_dir (dir);
}

/* Writing to a named pipe would block; it is refused with what it is. */
static void
test_replace_refuses_fifo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tps-write-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  g_assert_false (tps_file_replace_contents (file, "x", 1, TPS_FILE_REPLACE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpstr (error->message, ==, "it is a named pipe (FIFO), not a file");
  g_assert_cmpuint (count_files (dir), ==, 1);

  remove_dir (dir);
}

typedef gboolean (*ExportFunc) (TpsProject  *project,
                                GFile       *file,
                                GError     **error);

static gboolean
export_project (TpsProject  *project,
                GFile       *file,
                GError     **error)
{
  return tps_project_save_to_file (project, file, NULL, error);
}

static gboolean
export_csv (TpsProject  *project,
            GFile       *file,
            GError     **error)
{
  TpsCsvOptions options;

  tps_csv_options_init (&options, "de");
  return tps_csv_export_to_file (project, &options, file, NULL, error);
}

static gboolean
export_svg (TpsProject  *project,
            GFile       *file,
            GError     **error)
{
  return tps_export_svg (project, NULL, file, NULL, error);
}

static gboolean
export_png (TpsProject  *project,
            GFile       *file,
            GError     **error)
{
  return tps_export_png (project, NULL, file, 1, FALSE, NULL, error);
}

static gboolean
export_pdf (TpsProject  *project,
            GFile       *file,
            GError     **error)
{
  TpsPageOptions options;

  tps_page_options_init (&options, TPS_PAPER_A3, TRUE);
  return tps_export_pdf (project, &options, file, NULL, error);
}

static gboolean
export_report (TpsProject  *project,
               GFile       *file,
               GError     **error)
{
  TpsReportOptions options;

  tps_report_options_init (&options);
  return tps_report_export_pdf (project, &options, file, NULL, error);
}

static const struct
{
  const char *name;
  ExportFunc export;
} outputs[] = {
  { "project.touchpoints", export_project },
  { "table.csv", export_csv },
  { "map.svg", export_svg },
  { "map.png", export_png },
  { "map.pdf", export_pdf },
  { "report.pdf", export_report },
};

/* On a full disk, every output fails with the system's reason, the file
 * it was to replace keeps its contents and no temporary file is left.
 * Needs a small file system of its own: a tmpfs, mounted by root in a
 * mount namespace of the test's subprocess, so it goes away with it.
 */
static void
test_full_disk (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *filler = NULL;
  g_autoptr(TpsProject) project = NULL;
  g_autoptr(GString) fill = g_string_new (NULL);

  if (!g_test_subprocess ())
    {
      if (geteuid () != 0)
        {
          g_test_skip ("a full disk needs a small tmpfs, which only root can mount");
          return;
        }
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  dir = g_dir_make_tmp ("tps-full-XXXXXX", NULL);
  filler = g_build_filename (dir, "filler", NULL);
  project = load_example ();
  g_assert_cmpint (unshare (CLONE_NEWNS), ==, 0);
  g_assert_cmpint (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL), ==, 0);
  g_assert_cmpint (mount ("tmpfs", dir, "tmpfs", 0, "size=256k"), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *path = g_build_filename (dir, outputs[i].name, NULL);

      write_file (path, old_contents);
    }

  /* Leave a few kilobytes: every output is larger than that. */
  g_string_set_size (fill, 256 * 1024 - 8 * 4096 - 2 * 1024);
  memset (fill->str, 'x', fill->len);
  write_file (filler, fill->str);

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *path = g_build_filename (dir, outputs[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", outputs[i].name);
      g_assert_false (outputs[i].export (project, file, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, g_strerror (ENOSPC)));
      assert_contents (path, old_contents);
      g_assert_cmpuint (count_files (dir), ==, G_N_ELEMENTS (outputs) + 1);
    }

  g_assert_cmpint (umount (dir), ==, 0);
  g_rmdir (dir);
}

/* Every output writes through the atomic writer: a symlink stays one and
 * a write-protected file is refused.
 */
static void
test_every_output_follows_links_and_refuses_read_only (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tps-outputs-XXXXXX", NULL);
  g_autoptr(TpsProject) project = load_example ();

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *path = g_build_filename (dir, outputs[i].name, NULL);
      g_autofree char *link = g_strconcat (dir, "/link-", outputs[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (link);
      g_autoptr(GFile) protected = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;

      g_test_message ("%s", outputs[i].name);
      write_file (path, old_contents);
      g_assert_cmpint (symlink (outputs[i].name, link), ==, 0);

      g_assert_true (outputs[i].export (project, file, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
      g_file_get_contents (path, &contents, NULL, NULL);
      g_assert_cmpstr (contents, !=, old_contents);

      g_chmod (path, 0444);
      g_assert_false (outputs[i].export (project, protected, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "the file is write-protected"));
    }

  remove_dir (dir);
}

/* A save killed half-way leaves its temporary file; the next save of the
 * same file removes it. A temporary file another writer still holds is
 * left alone.
 */
static void
test_kill_during_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tps-kill-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "project.touchpoints", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(TpsFileWriter) alive = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  pid_t pid;

  write_file (path, old_contents);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      TpsFileWriter *writer = tps_file_writer_new (file, TPS_FILE_REPLACE_NONE, NULL);
      char half[4096];

      memset (half, 'x', sizeof half);
      tps_file_writer_write (writer, half, sizeof half, NULL);
      kill (getpid (), SIGKILL);
      _exit (0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  assert_contents (path, old_contents);
  g_assert_cmpuint (count_files (dir), ==, 2);

  /* A writer of our own, alive, while the next save runs. */
  alive = tps_file_writer_new (file, TPS_FILE_REPLACE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (dir), ==, 2);

  g_assert_true (tps_project_save_to_file (project, file, NULL, &error));
  g_assert_no_error (error);

  /* The file, its backup and the live writer's temporary file. */
  g_assert_cmpuint (count_files (dir), ==, 3);
  g_assert_true (g_file_test (tps_file_writer_get_temp_path (alive), G_FILE_TEST_EXISTS));
  g_clear_pointer (&alive, tps_file_writer_abort);
  g_assert_cmpuint (count_files (dir), ==, 2);

  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-io/replace/keeps-mode", test_replace_keeps_mode);
  g_test_add_func ("/file-io/replace/follows-symlink", test_replace_follows_symlink);
  g_test_add_func ("/file-io/replace/refuses-read-only", test_replace_refuses_read_only);
  g_test_add_func ("/file-io/replace/refuses-fifo", test_replace_refuses_fifo);
  g_test_add_func ("/file-io/replace/full-disk", test_full_disk);
  g_test_add_func ("/file-io/replace/every-output",
                   test_every_output_follows_links_and_refuses_read_only);
  g_test_add_func ("/file-io/replace/kill-during-save", test_kill_during_save);

  return g_test_run ();
}
