#!/usr/bin/env bash
# Build the wheel, install it into a fresh virtual environment outside the checkout, and use
# it from there: the prompts and every other file the package reads must come with the wheel.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
unset PYTHONPATH  # the wheel alone, not a checkout on the path
trap 'rm -rf "$work"' EXIT
python -m pip wheel --no-deps --quiet -w "$work/dist" .
python -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "$work"/dist/followup-*.whl
where=$(cd "$work" && "$work/venv/bin/python" -c "import followup; print(followup.__file__)")
case "$where" in
    "$work"/venv/*) ;;
    *) echo "the wheel's followup is not the one imported: $where" >&2; exit 1 ;;
esac
(cd "$work" && "$work/venv/bin/python" -c "
from followup.drafting.prompts import load_prompts
prompts = load_prompts()
assert len(prompts) == 7, sorted(prompts)
print(f'{len(prompts)} prompts from the wheel')
")
"$work/venv/bin/followup" advise examples/northwind.yaml --today 2026-11-26 --backend template > "$work/advise.txt"
grep -q "Reconnect: today" "$work/advise.txt"
"$work/venv/bin/followup" eval --backend template | tail -n 3
echo "wheel: installed outside the checkout, advise and eval ran"
