import Foundation
import LM

/// Checks on a checkpoint's tensors made before the model's buffers are allocated (so a config that
/// disagrees with its weights costs nothing) and after they are read (so NaN weights never decode).
enum CheckpointChecks {
    static let headName = "lm_head.weight"

    /// Every tensor the config needs is present with its shape and a float dtype, and nothing else is
    /// there: extra layers mean num_hidden_layers undercounts them, which would load a truncated model.
    static func matchTensors(_ files: [SafeTensorsFile], layout: ParameterLayout) throws {
        var found = [String: (SafeTensorsFile, SafeTensorsFile.Entry)]()
        for f in files { for (name, e) in f.entries { found[name] = (f, e) } }
        let anyPath = files.first?.path ?? "(no file)"
        let fileLayers = Set(found.keys.compactMap(layerIndex)).count
        if fileLayers != layout.config.layers, fileLayers > 0 {
            throw CheckpointError.badConfig("num_hidden_layers is \(layout.config.layers) but \(anyPath) holds tensors for \(fileLayers) layers")
        }
        var expected = Set<String>()
        for t in layout.tensors {
            expected.insert(t.name)
            guard let (f, e) = found[t.name] else { throw CheckpointError.missingTensor(file: anyPath, name: t.name) }
            guard e.shape == t.shape else { throw CheckpointError.shapeMismatch(file: f.path, name: t.name, expected: t.shape, found: e.shape) }
            guard ["F32", "BF16", "F16"].contains(e.dtype) else { throw CheckpointError.wrongDtype(file: f.path, name: t.name, dtype: e.dtype) }
        }
        if let extra = found.keys.filter({ !expected.contains($0) && $0 != headName }).sorted().first {
            throw CheckpointError.badTensor(file: found[extra]!.0.path, name: extra, detail: "is not part of this config's model")
        }
        if let (f, e) = found[headName], e.shape != layout.shape(.embed) {
            throw CheckpointError.shapeMismatch(file: f.path, name: headName, expected: layout.shape(.embed), found: e.shape)
        }
    }

    /// "model.layers.12.mlp.up_proj.weight" -> 12.
    static func layerIndex(_ name: String) -> Int? {
        let prefix = "model.layers."
        guard name.hasPrefix(prefix) else { return nil }
        return Int(name.dropFirst(prefix.count).prefix { $0 != "." })
    }

    /// Throws naming the first tensor holding a NaN or infinity.
    static func requireFinite(_ p: UnsafePointer<Float>, count: Int, name: String, file: String) throws {
        for i in 0..<count where !p[i].isFinite {
            throw CheckpointError.badTensor(file: file, name: name, detail: "holds a non-finite value (\(p[i])) at element \(i)")
        }
    }
}
