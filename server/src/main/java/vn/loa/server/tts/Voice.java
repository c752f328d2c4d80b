package vn.loa.server.tts;

/**
 * One voice of one engine.
 *
 * @param id     what the engine is given ({@code vi-VN-x-south})
 * @param region north, central, south or null: the console names the voice after it (Giọng Bắc ...)
 * @param label  the engine's own name for it, shown when there is no region
 */
public record Voice(String id, String region, String label) {
}
