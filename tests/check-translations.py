#!/usr/bin/env python3
"""Keeps the translations complete.

  check-translations.py potfiles SRCROOT
      every file under src/ and data/ with translatable strings is listed in
      po/POTFILES.in, and every listed file exists.
  check-translations.py complete SRCROOT LANG
      po/LANG.po has no untranslated and no fuzzy message, compiles with
      msgfmt --check, and translates every message the sources contain now.

TAP output, one line per check.
"""
import os
import re
import subprocess
import sys
import tempfile

C_MARKERS = re.compile(r'\b(N?_|C_|NC_|g_dngettext|g_dpgettext2|ngettext)\s*\(')


def potfiles(root):
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        return [l.strip() for l in f if l.strip() and not l.startswith('#')]


def needs_translation(root, rel):
    path = os.path.join(root, rel)
    with open(path, encoding='utf-8', errors='replace') as f:
        text = f.read()
    if rel.endswith('.c'):
        return bool(C_MARKERS.search(text))
    if rel.endswith('.ui'):
        return 'translatable="yes"' in text
    if rel.endswith(('.desktop.in', '.metainfo.xml.in', '.gschema.xml')):
        return True
    return False


def check_potfiles(root):
    listed = set(potfiles(root))
    candidates = []
    for top in ('src', 'data'):
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            for name in files:
                rel = os.path.relpath(os.path.join(dirpath, name), root)
                if rel.endswith(('.c', '.ui', '.desktop.in', '.metainfo.xml.in', '.gschema.xml')):
                    candidates.append(rel)
    missing = sorted(r for r in candidates if needs_translation(root, r) and r not in listed)
    gone = sorted(r for r in listed if not os.path.exists(os.path.join(root, r)))
    print('1..2')
    print(('ok' if not missing else 'not ok') + ' 1 every file with translatable strings is in POTFILES.in'
          + ('' if not missing else ' # missing: ' + ', '.join(missing)))
    print(('ok' if not gone else 'not ok') + ' 2 every file in POTFILES.in exists'
          + ('' if not gone else ' # gone: ' + ', '.join(gone)))
    return 0 if not missing and not gone else 1


def check_complete(root, lang):
    po = os.path.join(root, 'po', lang + '.po')
    failures = 0
    print('1..3')

    stats = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, po],
                           capture_output=True, text=True)
    text = (stats.stdout + stats.stderr).strip()
    ok = stats.returncode == 0 and 'untranslated' not in text and 'fuzzy' not in text
    failures += not ok
    print(('ok' if ok else 'not ok') + ' 1 %s.po compiles with no untranslated or fuzzy messages # %s'
          % (lang, text.replace('\n', ' ')))

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'current.pot')
        files = potfiles(root)
        xgettext = ['xgettext', '--from-code=UTF-8', '--add-comments', '--package-name=touchpoint-studio',
                    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
                    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3',
                    '--keyword=g_dpgettext2:2c,3', '--flag=N_:1:pass-c-format',
                    '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
                    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
                    '--flag=g_set_error:4:c-format', '-o', pot, '--directory', root] + files
        run = subprocess.run(xgettext, capture_output=True, text=True)
        ok = run.returncode == 0
        failures += not ok
        print(('ok' if ok else 'not ok') + ' 2 xgettext extracts the current messages'
              + ('' if ok else ' # ' + run.stderr.strip().replace('\n', ' ')))

        cmp = subprocess.run(['msgcmp', po, pot], capture_output=True, text=True)
        ok = cmp.returncode == 0
        failures += not ok
        detail = ' '.join(l for l in cmp.stderr.splitlines() if 'msgid' in l or 'not found' in l)[:2000]
        print(('ok' if ok else 'not ok') + ' 3 %s.po translates every message of the current sources' % lang
              + ('' if ok else ' # ' + detail))
    return 1 if failures else 0


if __name__ == '__main__':
    if sys.argv[1] == 'potfiles':
        sys.exit(check_potfiles(sys.argv[2]))
    sys.exit(check_complete(sys.argv[2], sys.argv[3]))
