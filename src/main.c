/* main.c — Touchpoint Studio
 *
 * The headless command line (--check, --export …) is handled before GTK is
 * initialised, so scripts and CI need no display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "tps-application.h"
#include "tps-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TpsApplication) app = NULL;
  const char *localedir = g_getenv ("TPS_LOCALEDIR");

  /* The development environment points at build/po so LANGUAGE=de works
   * without installing.
   */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (tps_cli_is_headless (argc, argv))
    {
      /* --language has to take effect before the first message is
       * translated; the process is one export, so its language is the
       * export's. The window passes an export's language to its thread
       * instead (tps_i18n_set_thread_language()).
       */
      for (int i = 1; i < argc; i++)
        if (g_str_has_prefix (argv[i], "--language="))
          g_setenv ("LANGUAGE", argv[i] + strlen ("--language="), TRUE);

      return tps_cli_run (argc, argv);
    }

  app = tps_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
