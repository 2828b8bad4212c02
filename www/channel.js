// A module worker (www/worker.js) with request and response matched by id.

export class Channel {
  constructor(url) {
    this.worker = new Worker(url, { type: 'module' });
    this.next = 1;
    this.waiting = new Map();
    this.worker.onmessage = ({ data }) => {
      const w = this.waiting.get(data.id);
      if (!w) return;
      this.waiting.delete(data.id);
      this.lastMs = data.ms;
      if (data.ok) w.resolve(data.result);
      else w.reject(new Error(data.error));
    };
    this.worker.onerror = (e) => {
      for (const w of this.waiting.values()) w.reject(new Error(e.message || 'worker failed'));
      this.waiting.clear();
    };
  }

  call(type, payload = {}) {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, type, ...payload });
    });
  }
}
