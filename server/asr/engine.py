"""Chemins speech recognition engine: a child process of the Node server (server/asr/recognizer.ts).

Loads one Whisper model in CTranslate2 format (faster-whisper) from the directory given as the first
argument, then answers requests on stdin, one at a time:
  request:  a JSON line {"id": n, "lang": "fr"|"en", "bytes": N} followed by N bytes of 16 kHz
            mono signed 16-bit little-endian PCM (one utterance, or its beginning for a partial line)
  answer:   a JSON line {"id": n, "text": "..."} or {"id": n, "error": "..."} on stdout
It first writes {"ready": true} once the model is loaded, or {"fatal": "..."} and exits 1.
Offline: nothing is downloaded (the model is a directory the operator provides).
"""

import json
import os
import sys


def main() -> int:
    out = sys.stdout
    if len(sys.argv) < 2:
        out.write(json.dumps({"fatal": "usage: engine.py MODEL_DIR"}) + "\n")
        return 1
    model_dir = sys.argv[1]
    try:
        import numpy as np
        from faster_whisper import WhisperModel

        threads = int(os.environ.get("ASR_THREADS", "1"))
        model = WhisperModel(model_dir, device="cpu", compute_type="int8", cpu_threads=threads, local_files_only=True)
    except Exception as err:  # noqa: BLE001 - reported to the parent, which logs it
        out.write(json.dumps({"fatal": f"{type(err).__name__}: {err}"}) + "\n")
        out.flush()
        return 1
    out.write(json.dumps({"ready": True}) + "\n")
    out.flush()
    stdin = sys.stdin.buffer
    while True:
        header = stdin.readline()
        if not header:
            return 0
        req = {}
        try:
            req = json.loads(header)
            size = int(req["bytes"])
            pcm = stdin.read(size)
            if len(pcm) != size:
                return 0
            audio = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0
            lang = req.get("lang") if req.get("lang") in ("fr", "en") else None
            if not model.model.is_multilingual:
                lang = "en"
            segments, _ = model.transcribe(
                audio,
                language=lang,
                beam_size=1,
                condition_on_previous_text=False,
                without_timestamps=True,
                vad_filter=False,
            )
            text = " ".join(s.text.strip() for s in segments).strip()
            out.write(json.dumps({"id": req.get("id"), "text": text}) + "\n")
        except Exception as err:  # noqa: BLE001 - one bad request does not stop the engine
            out.write(json.dumps({"id": req.get("id"), "error": f"{type(err).__name__}: {err}"}) + "\n")
        out.flush()


if __name__ == "__main__":
    sys.exit(main())
