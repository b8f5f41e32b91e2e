// The LM engine in one page (see DESIGN.md, "The model"). Four targets: LM (this one: the model, training,
// AdamW), LMDecode (Decoder, Generator, Sampler), LMFormats (save, load, GGUF, PEFT, training state) and
// Tokenizer (BPETokenizer).
//
// Training
//     let model = Model(config: ModelConfig(vocabSize: 4096, dim: 256, layers: 4, heads: 8, kvHeads: 8,
//                                           hiddenDim: 688, maxSeqLen: 512), seed: 1)
//     let opt = AdamW(model: model)                       // decay on matrices only, clipping at 1.0
//     let schedule = LRSchedule(maxLR: 1e-3, minLR: 1e-4, warmupSteps: 100, totalSteps: 10_000)
//     model.zeroGrad()
//     let loss = model.forward(tokens: x, targets: y, mask: w, batch: B, seqLen: T)   // mask 0 = no loss
//     model.backward()                                     // or backward(sequenceLogProbGrads:) for DPO
//     // or both at once, cheaper (the LM head's logits computed once): model.forwardBackward(tokens:targets:mask:...)
//     opt.update(model, lr: schedule.lr(at: step))         // returns the pre-clip gradient norm
//     model.sequenceLogProbs()                             // Σ mask·log p(target) per row (DPO)
//
// Checkpoints (Hugging Face layout; atomic)
//     try model.save(to: dir, trainingState: (TrainingState(step:rngState:dataPosition:), opt),
//                    extraFiles: { tmp in try tokenizer.save(to: tmp) })
//     let model = try Model.load(directory: dir)           // ours or transformers' save_pretrained
//     let state = try TrainingState.load(directory: dir, into: opt)
//
// Generation (batched, KV cache, seeded per sequence)
//     let out = Generator(model: model).generate(prompts: [[Int]], options: SamplingOptions(...)) { seq, token in
//         true   // stream the token; return false to stop this sequence (e.g. on a stop string)
//     }
//     Decoder(model:batch:capacity:).append([(sequence, tokens)]) gives raw next-token logits.
//
// Threads: BLASThreads.set(n). Training wants all cores; batch-1 decoding is fastest on 1.
// A Model's forward/backward are not reentrant; Generators on one Model may run concurrently
// (they only read the weights).
