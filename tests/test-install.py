#!/usr/bin/env python3
# test-install.py — `meson install` puts every file where desktop environments look
#
# Installs the already built tree into a temporary DESTDIR (no rebuild: meson
# test has just built it) and checks the list of files a desktop, a software
# centre and the file manager need. Then asks GIO, with only that tree added
# to the data dirs, which type a *.touchpoints file is.
#
# usage: test-install.py MESON BUILD_ROOT APP_ID
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import sys
import tempfile

meson, build_root, app_id = sys.argv[1:4]
results = []


def check(ok, name, detail=""):
    results.append((bool(ok), name, detail))


def finish():
    print("1..%d" % len(results))
    for i, (ok, name, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok and detail:
            for line in detail.rstrip().splitlines():
                print("# " + line)
    sys.exit(0 if all(ok for ok, _, _ in results) else 1)


def option(options, name):
    return next(o["value"] for o in options if o["name"] == name)


options = json.loads(subprocess.run([meson, "introspect", "--buildoptions", build_root],
                                    check=True, capture_output=True, text=True).stdout)
prefix = option(options, "prefix")
bindir = os.path.join(prefix, option(options, "bindir"))
datadir = os.path.join(prefix, option(options, "datadir"))
pkgdatadir = os.path.join(datadir, "touchpoint-studio")

expected = [
    (bindir, "touchpoint-studio"),
    (datadir, "applications/%s.desktop" % app_id),
    (datadir, "metainfo/%s.metainfo.xml" % app_id),
    (datadir, "icons/hicolor/scalable/apps/%s.svg" % app_id),
    (datadir, "icons/hicolor/symbolic/apps/%s-symbolic.svg" % app_id),
    (datadir, "icons/hicolor/scalable/mimetypes/application-x-touchpoints+xml.svg"),
    (datadir, "mime/packages/%s.xml" % app_id),
    (datadir, "glib-2.0/schemas/%s.gschema.xml" % app_id),
    (pkgdatadir, "touchpoint-project.rng"),
    (pkgdatadir, "examples/de/stadtwerke.touchpoints"),
    (pkgdatadir, "examples/en/car-dealership.touchpoints"),
]

with tempfile.TemporaryDirectory(prefix="tps-install-") as destdir:
    def staged(path):
        # DESTDIR is prepended to the absolute install path.
        return destdir + path

    install = subprocess.run([meson, "install", "-C", build_root, "--no-rebuild",
                              "--destdir", destdir],
                             capture_output=True, text=True)
    check(install.returncode == 0, "meson install into a DESTDIR succeeds",
          install.stdout + install.stderr)

    for base, rel in expected:
        path = staged(os.path.join(base, rel))
        check(os.path.isfile(path) and os.path.getsize(path) > 0,
              "installs %s" % os.path.join(base, rel), "missing: " + path)

    binary = staged(os.path.join(bindir, "touchpoint-studio"))
    check(os.access(binary, os.X_OK), "the binary is executable")

    # The desktop file launches what was installed and opens our files.
    desktop = staged(os.path.join(datadir, "applications/%s.desktop" % app_id))
    entry = open(desktop, encoding="utf-8").read() if os.path.exists(desktop) else ""
    check("\nExec=touchpoint-studio %F\n" in entry, "the desktop file runs the binary with files")
    check("application/x-touchpoints+xml;" in entry, "the desktop file handles the project type")

    # The file manager maps *.touchpoints to our type once the MIME database
    # is rebuilt (the post-install step does this on a real install).
    update = shutil.which("update-mime-database")
    gio = shutil.which("gio")
    if update and gio:
        mimedir = staged(os.path.join(datadir, "mime"))
        run = subprocess.run([update, mimedir], capture_output=True, text=True)
        check(run.returncode == 0, "update-mime-database accepts the MIME package",
              run.stdout + run.stderr)
        sample = os.path.join(destdir, "Journey.touchpoints")
        shutil.copy(staged(os.path.join(pkgdatadir, "examples/en/car-dealership.touchpoints")),
                    sample)
        env = dict(os.environ)
        env["XDG_DATA_HOME"] = os.path.join(destdir, "home-data")
        env["XDG_DATA_DIRS"] = staged(datadir) + ":/usr/local/share:/usr/share"
        query = subprocess.run([gio, "info", "-a", "standard::content-type", sample],
                               capture_output=True, text=True, env=env)
        check("standard::content-type: application/x-touchpoints+xml" in query.stdout,
              "a *.touchpoints file is an application/x-touchpoints+xml",
              query.stdout + query.stderr)

finish()
