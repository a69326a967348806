import os
print("before")
os.write(1, b'{"status": "error", "events": []}\n')
print("partial", end="")
os._exit(0)
