#include "platform/web/draw_fingerprint.hpp"

#include <cstring>

#include "imgui.h"

namespace vsys::web {
namespace {

// Eight bytes at a time (a multiply-rotate mix): a busy screen has ~1 MB of vertices, hashed in
// well under a millisecond; a collision would only cost one picture until the next change.
struct Mix {
    std::uint64_t h = 0x9E3779B97F4A7C15ull;
    void word(std::uint64_t w) {
        h ^= w * 0xBF58476D1CE4E5B9ull;
        h = (h << 27 | h >> 37) * 0x94D049BB133111EBull;
    }
    void bytes(const void* p, std::size_t n) {
        const auto* b = static_cast<const unsigned char*>(p);
        std::size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            std::uint64_t w;
            std::memcpy(&w, b + i, 8);
            word(w);
        }
        std::uint64_t tail = 0;
        std::memcpy(&tail, b + i, n - i);
        word(tail ^ (static_cast<std::uint64_t>(n) << 56));
    }
    void f(float v) {
        std::uint32_t u;
        std::memcpy(&u, &v, 4);
        word(u);
    }
};

}  // namespace

std::uint64_t draw_fingerprint(const ImDrawData& d, std::uint64_t extra) {
    Mix m;
    m.word(extra);
    m.f(d.DisplayPos.x), m.f(d.DisplayPos.y), m.f(d.DisplaySize.x), m.f(d.DisplaySize.y);
    m.f(d.FramebufferScale.x), m.f(d.FramebufferScale.y);
    m.word(static_cast<std::uint64_t>(d.CmdListsCount));
    for (int i = 0; i < d.CmdListsCount; ++i) {
        const ImDrawList* l = d.CmdLists[i];
        m.bytes(l->VtxBuffer.Data, static_cast<std::size_t>(l->VtxBuffer.Size) * sizeof(ImDrawVert));
        m.bytes(l->IdxBuffer.Data, static_cast<std::size_t>(l->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& c : l->CmdBuffer) {
            m.f(c.ClipRect.x), m.f(c.ClipRect.y), m.f(c.ClipRect.z), m.f(c.ClipRect.w);
            m.word(static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(c.TextureId)));
            m.word(static_cast<std::uint64_t>(c.VtxOffset) << 32 | c.IdxOffset);
            m.word(c.ElemCount);
            m.word(c.UserCallback ? 1 : 0);
        }
    }
    return m.h;
}

}  // namespace vsys::web
