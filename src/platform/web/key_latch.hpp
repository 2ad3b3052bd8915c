// Latching key presses shorter than a frame (the page's keyboard, main_web.cpp).
// ImGui 1.86 samples key state once per frame, so a key pressed and released between two frames
// (or pressed twice, as fast typists and test drivers do) would be lost. Key events are queued
// and replayed so that each frame sees at most one transition per key; typed text joins the same
// queue and never shares a frame with key transitions, since ImGui 1.86 does not keep the order
// of keys and characters within a frame (a Backspace must not eat the text typed after it).
#pragma once

#include <string>
#include <vector>

struct GLFWwindow;

namespace vsys::web {

class KeyLatch {
public:
    // A key transition from GLFW; a held key's repeats are dropped while that key waits anyway.
    void key(int key, int scancode, int action, int mods);
    // Text typed or pasted through the page's textarea.
    void text(std::string utf8);
    // Hands this frame's share of the queue to ImGui (through the GLFW backend for keys).
    void replay(GLFWwindow* window);

private:
    struct Event {
        int key, scancode, action, mods;  // key < 0: text
        std::string text;
    };
    std::vector<Event> queue_;
};

}  // namespace vsys::web
