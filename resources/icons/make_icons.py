#!/usr/bin/env python3
"""Draws the workbench's small PNG icons (no SVG image plugin is guaranteed on Debian's Qt).
Run it to regenerate resources/icons/*.png; each icon is a list of shapes, 4x supersampled."""
import math, os, struct, zlib

SIZE, SS = 48, 4
TEAL, DARK, RED, GREY = (0, 121, 107), (38, 50, 56), (198, 40, 40), (96, 125, 139)


def png(path, pixels):
    raw = b"".join(b"\x00" + bytes(v for px in row for v in px) for row in pixels)
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def render(shapes):
    pixels = []
    for y in range(SIZE):
        row = []
        for x in range(SIZE):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sy in range(SS):
                for sx in range(SS):
                    px, py = x + (sx + 0.5) / SS, y + (sy + 0.5) / SS
                    color = None
                    for test, c in shapes:  # later shapes paint over earlier ones
                        if test(px, py):
                            color = c
                    if color is not None:
                        a = color[3] if len(color) == 4 else 255
                        for i in range(3):
                            acc[i] += color[i] * a / 255
                        acc[3] += a
            n = SS * SS
            alpha = acc[3] / n
            if alpha > 0:
                row.append(tuple(int(min(255, acc[i] / n * 255 / alpha)) for i in range(3)) + (int(alpha),))
            else:
                row.append((0, 0, 0, 0))
        pixels.append(row)
    return pixels


def rect(x0, y0, x1, y1):
    return lambda x, y: x0 <= x <= x1 and y0 <= y <= y1

def circle(cx, cy, r):
    return lambda x, y: (x - cx) ** 2 + (y - cy) ** 2 <= r * r

def ring(cx, cy, r0, r1):
    return lambda x, y: r0 * r0 <= (x - cx) ** 2 + (y - cy) ** 2 <= r1 * r1

def poly(points):
    def inside(x, y):
        c = False
        for i in range(len(points)):
            (x1, y1), (x2, y2) = points[i], points[i - 1]
            if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                c = not c
        return c
    return inside

def clear(color=(0, 0, 0, 0)):
    return color

def layer(y, color):  # one slab of the "model" stack, drawn as a flat rhombus
    return poly([(6, y), (24, y - 8), (42, y), (24, y + 8)]), color


ICONS = {
    "models": [layer(34, GREY), layer(24, (0, 150, 136)), layer(14, TEAL)],
    "add_folder": [(poly([(4, 12), (18, 12), (22, 16), (44, 16), (44, 40), (4, 40)]), (255, 179, 0)),
                   (rect(21, 20, 27, 36), (255, 255, 255)), (rect(16, 25, 32, 31), (255, 255, 255))],
    "refresh": [(lambda x, y: ring(24, 24, 11, 17)(x, y) and not (x > 24 and y < 24), TEAL),
                (poly([(24, 2), (34, 12), (24, 20)]), TEAL)],
    "remove": [(circle(24, 24, 19), RED), (rect(13, 21, 35, 27), (255, 255, 255))],
    "generate": [(poly([(12, 6), (40, 24), (12, 42)]), TEAL)],
    "stop": [(rect(10, 10, 38, 38), RED)],
    "settings": [(lambda x, y: circle(24, 24, 15)(x, y) or any(
                     circle(24 + 16 * math.cos(a * math.pi / 4), 24 + 16 * math.sin(a * math.pi / 4), 5)(x, y)
                     for a in range(8)), DARK), (circle(24, 24, 6), (0, 0, 0, 0))],
    "about": [(circle(24, 24, 20), (25, 118, 210)), (circle(24, 14, 3.5), (255, 255, 255)),
              (rect(21, 20, 27, 36), (255, 255, 255))],
}

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    for name, shapes in ICONS.items():
        png(os.path.join(here, name + ".png"), render(shapes))
        print("wrote", name + ".png")
