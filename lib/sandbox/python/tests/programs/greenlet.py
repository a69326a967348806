from greenlet import greenlet

def func_1():
    print(1)
    gr2.switch()  # 跳到func_2
    print(2)
    gr2.switch()

def func_2():
    print(3)
    gr1.switch()  # 跳到func_1
    print(4)

gr1 = greenlet(func_1)
gr2 = greenlet(func_2)

gr1.switch()
