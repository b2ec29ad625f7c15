;; The quote tagger's network in WebAssembly with 128-bit SIMD (four f32 lanes): the sums of table rows
;; that make the gate inputs (`sum`), one direction of the LSTM layer (`run`), the output layer (`dense`).
;; The source of `lstm-wasm.ts` (scripts/build-lstm-wasm.ts assembles it); `quote-nn.ts` calls it.
;;
;; sum(idx, n, slots, G, bias, dst)
;;   dst[t*G + k] = bias[k] + the sum over s < slots of the row at byte offset idx[t*slots + s], k < G
;;
;; dense(x, n, in, w, b, nout, dst)
;;   dst[t*nout + r] = b[r] + the sum over k < in of w[r*in + k] x[t*in + k]   (in a multiple of 4)
;;
;; run(w, gin, n, H, gstride, reverse, out, ostride, state)
;;   w:     recurrent weights in blocks of four gate rows: w[((r/4)*H + k)*4 + r%4] = W_hh[r][k], 4H rows
;;   gin:   gate inputs of each token, gin[t*gstride + r] (r < 4H), PyTorch's gate order i, f, g, o
;;   out:   hidden states written to out[t*ostride + k] (k < H)
;;   state: scratch of 10H floats (h, c, the 4H gates, and h spread over four lanes: 4H)
;; All pointers are byte offsets, 16-byte aligned; H is a multiple of 4.
(module
  (memory (export "memory") 1)

  ;; e^x on four lanes: x = n ln 2 + r, e^r by Cephes' polynomial (expf), 2^n by the exponent bits.
  (func $exp (param $x v128) (result v128)
    (local $n v128)
    (local $r v128)
    (local $p v128)
    (local.set $x (f32x4.max (f32x4.min (local.get $x) (v128.const f32x4 88.0 88.0 88.0 88.0)) (v128.const f32x4 -87.0 -87.0 -87.0 -87.0)))
    (local.set $n (f32x4.nearest (f32x4.mul (local.get $x) (v128.const f32x4 1.44269504 1.44269504 1.44269504 1.44269504))))
    (local.set $r (f32x4.sub (f32x4.sub (local.get $x)
      (f32x4.mul (local.get $n) (v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375)))
      (f32x4.mul (local.get $n) (v128.const f32x4 -2.12194440e-4 -2.12194440e-4 -2.12194440e-4 -2.12194440e-4))))
    (local.set $p (v128.const f32x4 1.9875691500e-4 1.9875691500e-4 1.9875691500e-4 1.9875691500e-4))
    (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 1.3981999507e-3 1.3981999507e-3 1.3981999507e-3 1.3981999507e-3)))
    (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 8.3334519073e-3 8.3334519073e-3 8.3334519073e-3 8.3334519073e-3)))
    (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 4.1665795894e-2 4.1665795894e-2 4.1665795894e-2 4.1665795894e-2)))
    (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 1.6666665459e-1 1.6666665459e-1 1.6666665459e-1 1.6666665459e-1)))
    (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 5.0000001201e-1 5.0000001201e-1 5.0000001201e-1 5.0000001201e-1)))
    (local.set $p (f32x4.add (f32x4.add (f32x4.mul (f32x4.mul (local.get $p) (local.get $r)) (local.get $r)) (local.get $r)) (v128.const f32x4 1.0 1.0 1.0 1.0)))
    (f32x4.mul (local.get $p)
      (i32x4.shl (i32x4.add (i32x4.trunc_sat_f32x4_s (local.get $n)) (v128.const i32x4 127 127 127 127)) (i32.const 23))))

  (func $sigmoid (param $x v128) (result v128)
    (f32x4.div (v128.const f32x4 1.0 1.0 1.0 1.0)
      (f32x4.add (v128.const f32x4 1.0 1.0 1.0 1.0) (call $exp (f32x4.neg (local.get $x))))))

  ;; tanh x = 1 - 2 / (e^2x + 1)
  (func $tanh (param $x v128) (result v128)
    (f32x4.sub (v128.const f32x4 1.0 1.0 1.0 1.0)
      (f32x4.div (v128.const f32x4 2.0 2.0 2.0 2.0)
        (f32x4.add (call $exp (f32x4.add (local.get $x) (local.get $x))) (v128.const f32x4 1.0 1.0 1.0 1.0)))))

  (func (export "run") (param $w i32) (param $gin i32) (param $n i32) (param $H i32) (param $gstride i32)
    (param $reverse i32) (param $out i32) (param $ostride i32) (param $state i32)
    (local $h i32) (local $c i32) (local $g i32) (local $hs i32)
    (local $step i32) (local $t i32) (local $k i32) (local $rb i32) (local $G4 i32)
    (local $wp i32) (local $gp i32) (local $hp i32) (local $a0 v128) (local $a1 v128)
    (local $iv v128) (local $fv v128) (local $cv v128) (local $ov v128) (local $HB i32)
    ;; byte sizes: HB = 4H bytes (one vector of H floats), G4 = 16H bytes (the 4H gate floats)
    (local.set $HB (i32.shl (local.get $H) (i32.const 2)))
    (local.set $G4 (i32.shl (local.get $H) (i32.const 4)))
    (local.set $h (local.get $state))
    (local.set $c (i32.add (local.get $h) (local.get $HB)))
    (local.set $g (i32.add (local.get $c) (local.get $HB)))
    (local.set $hs (i32.add (local.get $g) (local.get $G4)))
    ;; h = c = 0, h spread = 0
    (memory.fill (local.get $state) (i32.const 0) (i32.mul (local.get $H) (i32.const 40)))
    (local.set $step (i32.const 0))
    (block $done
      (loop $steps
        (br_if $done (i32.ge_u (local.get $step) (local.get $n)))
        (local.set $t (select (i32.sub (i32.sub (local.get $n) (i32.const 1)) (local.get $step)) (local.get $step) (local.get $reverse)))
        ;; gates = gin[t] + W_hh h, four gate rows (one block) at a time, two blocks per pass
        (local.set $gp (i32.add (local.get $gin) (i32.shl (i32.mul (local.get $t) (local.get $gstride)) (i32.const 2))))
        (local.set $wp (local.get $w))
        (local.set $rb (i32.const 0))
        (loop $blocks
          (local.set $a0 (v128.load (i32.add (local.get $gp) (local.get $rb))))
          (local.set $a1 (v128.load offset=16 (i32.add (local.get $gp) (local.get $rb))))
          (local.set $hp (local.get $hs))
          (local.set $k (i32.const 0))
          (loop $ks
            ;; block rb's weights for k at wp, block rb+1's at wp + 16H (the next block's k)
            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (v128.load (local.get $wp)) (v128.load (local.get $hp)))))
            (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (v128.load (i32.add (local.get $wp) (local.get $G4))) (v128.load (local.get $hp)))))
            (local.set $wp (i32.add (local.get $wp) (i32.const 16)))
            (local.set $hp (i32.add (local.get $hp) (i32.const 16)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br_if $ks (i32.lt_u (local.get $k) (local.get $H))))
          (v128.store (i32.add (local.get $g) (local.get $rb)) (local.get $a0))
          (v128.store offset=16 (i32.add (local.get $g) (local.get $rb)) (local.get $a1))
          ;; skip block rb+1's weights, read above
          (local.set $wp (i32.add (local.get $wp) (local.get $G4)))
          (local.set $rb (i32.add (local.get $rb) (i32.const 32)))
          (br_if $blocks (i32.lt_u (local.get $rb) (local.get $G4))))
        ;; c = f c + i g, h = o tanh c, four units at a time
        (local.set $k (i32.const 0))
        (loop $units
          (local.set $iv (call $sigmoid (v128.load (i32.add (local.get $g) (local.get $k)))))
          (local.set $fv (call $sigmoid (v128.load (i32.add (i32.add (local.get $g) (local.get $HB)) (local.get $k)))))
          (local.set $cv (call $tanh (v128.load (i32.add (i32.add (local.get $g) (i32.shl (local.get $HB) (i32.const 1))) (local.get $k)))))
          (local.set $ov (call $sigmoid (v128.load (i32.add (i32.add (local.get $g) (i32.mul (local.get $HB) (i32.const 3))) (local.get $k)))))
          (local.set $cv (f32x4.add (f32x4.mul (local.get $fv) (v128.load (i32.add (local.get $c) (local.get $k)))) (f32x4.mul (local.get $iv) (local.get $cv))))
          (v128.store (i32.add (local.get $c) (local.get $k)) (local.get $cv))
          (local.set $ov (f32x4.mul (local.get $ov) (call $tanh (local.get $cv))))
          (v128.store (i32.add (local.get $h) (local.get $k)) (local.get $ov))
          (v128.store (i32.add (i32.add (local.get $out) (i32.shl (i32.mul (local.get $t) (local.get $ostride)) (i32.const 2))) (local.get $k)) (local.get $ov))
          ;; spread h over four lanes each for the next step's products
          (local.set $hp (i32.add (local.get $hs) (i32.shl (local.get $k) (i32.const 2))))
          (v128.store (local.get $hp) (i8x16.shuffle 0 1 2 3 0 1 2 3 0 1 2 3 0 1 2 3 (local.get $ov) (local.get $ov)))
          (v128.store offset=16 (local.get $hp) (i8x16.shuffle 4 5 6 7 4 5 6 7 4 5 6 7 4 5 6 7 (local.get $ov) (local.get $ov)))
          (v128.store offset=32 (local.get $hp) (i8x16.shuffle 8 9 10 11 8 9 10 11 8 9 10 11 8 9 10 11 (local.get $ov) (local.get $ov)))
          (v128.store offset=48 (local.get $hp) (i8x16.shuffle 12 13 14 15 12 13 14 15 12 13 14 15 12 13 14 15 (local.get $ov) (local.get $ov)))
          (local.set $k (i32.add (local.get $k) (i32.const 16)))
          (br_if $units (i32.lt_u (local.get $k) (local.get $HB))))
        (local.set $step (i32.add (local.get $step) (i32.const 1)))
        (br $steps))))

  (func (export "sum") (param $idx i32) (param $n i32) (param $slots i32) (param $G i32) (param $bias i32) (param $dst i32)
    (local $t i32) (local $k i32) (local $s i32) (local $row i32) (local $acc v128) (local $GB i32)
    (local.set $GB (i32.shl (local.get $G) (i32.const 2)))
    (block $done
      (loop $tokens
        (br_if $done (i32.ge_u (local.get $t) (local.get $n)))
        (local.set $k (i32.const 0))
        (loop $ks
          (local.set $acc (v128.load (i32.add (local.get $bias) (local.get $k))))
          (local.set $s (i32.const 0))
          (local.set $row (local.get $idx))
          (loop $slots
            (local.set $acc (f32x4.add (local.get $acc) (v128.load (i32.add (i32.load (local.get $row)) (local.get $k)))))
            (local.set $row (i32.add (local.get $row) (i32.const 4)))
            (local.set $s (i32.add (local.get $s) (i32.const 1)))
            (br_if $slots (i32.lt_u (local.get $s) (local.get $slots))))
          (v128.store (i32.add (local.get $dst) (local.get $k)) (local.get $acc))
          (local.set $k (i32.add (local.get $k) (i32.const 16)))
          (br_if $ks (i32.lt_u (local.get $k) (local.get $GB))))
        (local.set $idx (i32.add (local.get $idx) (i32.shl (local.get $slots) (i32.const 2))))
        (local.set $dst (i32.add (local.get $dst) (local.get $GB)))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $tokens))))

  (func (export "dense") (param $x i32) (param $n i32) (param $in i32) (param $w i32) (param $b i32) (param $nout i32) (param $dst i32)
    (local $t i32) (local $r i32) (local $k i32) (local $wr i32) (local $acc v128) (local $IB i32)
    (local.set $IB (i32.shl (local.get $in) (i32.const 2)))
    (block $done
      (loop $tokens
        (br_if $done (i32.ge_u (local.get $t) (local.get $n)))
        (local.set $r (i32.const 0))
        (local.set $wr (local.get $w))
        (loop $rows
          (local.set $acc (v128.const f32x4 0 0 0 0))
          (local.set $k (i32.const 0))
          (loop $ks
            (local.set $acc (f32x4.add (local.get $acc)
              (f32x4.mul (v128.load (i32.add (local.get $wr) (local.get $k))) (v128.load (i32.add (local.get $x) (local.get $k))))))
            (local.set $k (i32.add (local.get $k) (i32.const 16)))
            (br_if $ks (i32.lt_u (local.get $k) (local.get $IB))))
          (f32.store (i32.add (local.get $dst) (i32.shl (local.get $r) (i32.const 2)))
            (f32.add (f32.load (i32.add (local.get $b) (i32.shl (local.get $r) (i32.const 2))))
              (f32.add (f32.add (f32x4.extract_lane 0 (local.get $acc)) (f32x4.extract_lane 1 (local.get $acc)))
                (f32.add (f32x4.extract_lane 2 (local.get $acc)) (f32x4.extract_lane 3 (local.get $acc))))))
          (local.set $wr (i32.add (local.get $wr) (local.get $IB)))
          (local.set $r (i32.add (local.get $r) (i32.const 1)))
          (br_if $rows (i32.lt_u (local.get $r) (local.get $nout))))
        (local.set $x (i32.add (local.get $x) (local.get $IB)))
        (local.set $dst (i32.add (local.get $dst) (i32.shl (local.get $nout) (i32.const 2))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $tokens)))))
