# Wake-ups due at the same instant: two threads sleep for the same time; which one the OS runs
# first when both wake is not defined by the program.
import threading
import time


def worker(name):
    time.sleep(0.05)
    print(name, "woke")


threads = [threading.Thread(target=worker, args=(name,)) for name in "ab"]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
