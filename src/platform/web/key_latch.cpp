#include "platform/web/key_latch.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstddef>

#include "imgui.h"
#include "imgui_impl_glfw.h"

namespace vsys::web {

void KeyLatch::key(int key, int scancode, int action, int mods) {
    if (action == GLFW_REPEAT) {
        for (const auto& e : queue_)
            if (e.key == key) return;
    }
    queue_.push_back({key, scancode, action, mods, {}});
}

void KeyLatch::text(std::string utf8) { queue_.push_back({-1, 0, 0, 0, std::move(utf8)}); }

void KeyLatch::replay(GLFWwindow* window) {
    std::vector<int> touched;
    bool had_text = false;
    std::size_t i = 0;
    for (; i < queue_.size(); ++i) {
        const Event& e = queue_[i];
        if (e.key < 0) {
            if (!touched.empty()) break;
            ImGui::GetIO().AddInputCharactersUTF8(e.text.c_str());
            had_text = true;
            continue;
        }
        if (had_text || std::find(touched.begin(), touched.end(), e.key) != touched.end()) break;
        touched.push_back(e.key);
        ImGui_ImplGlfw_KeyCallback(window, e.key, e.scancode, e.action, e.mods);
    }
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(i));
}

}  // namespace vsys::web
