# Which runnable thread goes first, and where a running thread is switched out: the OS and the
# GIL's switch interval (5 ms) decide. This read-modify-write loses updates in some runs only.
import io
import threading

counter = 0
log = io.StringIO()


def work(name):
    global counter
    for i in range(50000):
        value = counter
        print(name, i, file=log)  # a call: CPython may switch threads here
        counter = value + 1


threads = [threading.Thread(target=work, args=(name,)) for name in "ab"]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("counter", counter, "(100000 without lost updates)")
