#!/usr/bin/env python3
# test-flatpak-manifest.py — the Flatpak manifest builds this repository with a
# GNOME runtime and asks for no more than a document editor needs
#
# usage: test-flatpak-manifest.py MANIFEST APP_ID COMMAND
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import sys

manifest_path, app_id, command = sys.argv[1:4]
results = []


def check(ok, name, detail=""):
    results.append((bool(ok), name, detail))


manifest = json.load(open(manifest_path, encoding="utf-8"))

check(manifest.get("app-id") == app_id, "app-id is the application id",
      "app-id: %r" % manifest.get("app-id"))
check(os.path.basename(manifest_path) == app_id + ".json", "the file is named after the app id")
check(manifest.get("runtime") == "org.gnome.Platform", "runtime is org.gnome.Platform")
check(manifest.get("sdk") == "org.gnome.Sdk", "sdk is org.gnome.Sdk")
version = str(manifest.get("runtime-version", ""))
check(re.fullmatch(r"\d+", version) and int(version) >= 45,
      "runtime-version is a current GNOME release", "runtime-version: %r" % version)
check(manifest.get("command") == command, "command runs the installed binary")

finish_args = manifest.get("finish-args", [])
for needed in ("--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"):
    check(needed in finish_args, "finish-args grant %s" % needed)
check("--share=network" not in finish_args, "no network access")
check(not any(a.startswith("--filesystem") for a in finish_args),
      "no file system access: files come through the portals",
      "finish-args: %r" % finish_args)
check(not any(a in ("--socket=x11", "--device=all", "--socket=session-bus") for a in finish_args),
      "no X11, device or session bus hole")

cleanup = manifest.get("cleanup", [])
check("/include" in cleanup and "/lib/pkgconfig" in cleanup, "cleanup drops development files")

modules = manifest.get("modules", [])
app = modules[-1] if modules and isinstance(modules[-1], dict) else {}
check(app.get("name") == "touchpoint-studio", "the last module is touchpoint-studio")
check(app.get("buildsystem") == "meson", "it builds with meson")
check("-Dtests=false" in app.get("config-opts", []),
      "it builds without the tests (the SDK lacks libglib-testing)")
repo = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(manifest_path)), ".."))
dirs = [s for s in app.get("sources", []) if s.get("type") == "dir"]
here = [s for s in dirs
        if os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(manifest_path)),
                                         s.get("path", ""))) == repo]
check(here, "its source is this repository", "sources: %r" % app.get("sources"))
top = open(os.path.join(repo, "meson.build"), encoding="utf-8").read()
check(re.search(r"project\(\s*'touchpoint-studio'", top), "that repository is Touchpoint Studio")

print("1..%d" % len(results))
for i, (ok, name, detail) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    if not ok and detail:
        print("# " + detail)
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
