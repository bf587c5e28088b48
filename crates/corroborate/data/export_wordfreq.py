# Top-N alphabetic English words of wordfreq's "large" list, grouped by Zipf frequency.
import sys, itertools, wordfreq
n = int(sys.argv[1])
words = []
for w in wordfreq.top_n_list("en", n * 2, wordlist="large"):
    if w.isalpha():
        words.append((w, round(wordfreq.zipf_frequency(w, "en", wordlist="large") * 100)))
        if len(words) == n:
            break
print(f"# wordfreq {wordfreq.__version__ if hasattr(wordfreq, '__version__') else '3.1.1'} English 'large' list: the {n} most frequent alphabetic words.")
print("# Each line: 100 x Zipf frequency (log10 of occurrences per billion words), TAB, the words")
print("# with that frequency separated by spaces, most frequent first. CC-BY-SA 4.0: see README.md.")
for z, group in itertools.groupby(words, key=lambda x: x[1]):
    print(f"{z}\t{' '.join(w for w, _ in group)}")
