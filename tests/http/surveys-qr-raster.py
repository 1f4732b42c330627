# The QR code of a page (qr.c: one <path> of 1-module-high runs, "Mx yhwv1h-wz")
# drawn as a PGM image, 8 pixels a module, for zbarimg to read.
# Usage: python3 surveys-qr-raster.py page.svg out.pgm
import re,sys
s=open(sys.argv[1]).read()
n=int(re.search(r'viewBox="0 0 (\d+) (\d+)"',s).group(1))
d=re.search(r' d="([^"]+)"',s).group(1)
grid=[[255]*n for _ in range(n)]
for x,y,w in re.findall(r'M(\d+) (\d+)h(\d+)v1h-\d+z',d):
    x,y,w=int(x),int(y),int(w)
    for i in range(x,x+w): grid[y][i]=0
k=8
out=open(sys.argv[2],'wb'); out.write(b'P5 %d %d 255\n'%(n*k,n*k))
for row in grid:
    line=bytes(v for v in row for _ in range(k))
    for _ in range(k): out.write(line)
